from sportwijzer.base.problems import WARNING, Problem, report_lines, summary


def test_line_names_file_line_and_message():
    problem = Problem("offers/a.yml", 12, "veld 'titel' ontbreekt")
    assert problem.format() == "offers/a.yml:12: veld 'titel' ontbreekt"


def test_problem_without_line_names_only_the_file():
    assert (
        Problem("offers/A B.yml", None, "bestandsnaam").format() == "offers/A B.yml: bestandsnaam"
    )


def test_warning_is_marked_and_not_an_error():
    warning = Problem("offers/a.yml", 3, "oud", WARNING)
    assert warning.format() == "offers/a.yml:3: let op: oud"
    assert not warning.is_error


def test_summary_counts_errors_and_files_in_dutch():
    problems = [
        Problem("offers/a.yml", 1, "x"),
        Problem("offers/a.yml", 2, "y"),
        Problem("offers/b.yml", 1, "z"),
        Problem("offers/c.yml", 1, "oud", WARNING),
    ]
    assert summary(problems, 9) == "Gevonden: 3 problemen in 2 bestanden. 1 waarschuwing."
    assert summary(problems[:1], 9) == "Gevonden: 1 probleem in 1 bestand."
    assert summary([], 1) == "Geen fouten gevonden in 1 bestand."
    assert summary(problems[3:], 4) == "Geen fouten gevonden in 4 bestanden. 1 waarschuwing."


def test_report_puts_errors_first_sorted_then_summary():
    problems = [
        Problem("offers/b.yml", 1, "b"),
        Problem("offers/a.yml", 9, "oud", WARNING),
        Problem("offers/a.yml", 5, "a5"),
        Problem("offers/a.yml", 5, "a5"),
    ]
    assert report_lines(problems, 3) == [
        "offers/a.yml:5: a5",
        "offers/b.yml:1: b",
        "offers/a.yml:9: let op: oud",
        "Gevonden: 2 problemen in 2 bestanden. 1 waarschuwing.",
    ]


def test_github_annotation_escapes_its_special_characters():
    problem = Problem("offers/a,b.yml", 4, "50% fout\nregel")
    assert problem.github_annotation() == "::error file=offers/a%2Cb.yml,line=4::50%25 fout%0Aregel"
    warning = Problem("offers/a.yml", None, "oud", WARNING)
    assert warning.github_annotation() == "::warning file=offers/a.yml::oud"
