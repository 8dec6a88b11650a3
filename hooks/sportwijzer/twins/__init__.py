"""Rules the browser runs too. Each module has a JavaScript twin of the same name in
content/javascripts/, and a test runs one table of cases through both. Plain data in, plain data
out; nothing here imports another folder."""
