"""The R script and the SPSS syntax written beside an analysis label every variable
the dictionary knows, in the responses file's own column order."""

from pathlib import Path

import pytest
from django.core.management import call_command

from staffroom.evaluation.redcap import dictionary_read, dictionary_read_path
from staffroom.evaluation.responses import responses_read_path
from staffroom.evaluation.syntax import r_script, spss_syntax

DATA = Path(__file__).parent / "data"
HEADER = "Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"


@pytest.fixture
def survey():
    dictionary = dictionary_read_path(DATA / "dictionary.csv")
    columns = responses_read_path(DATA / "responses.csv")[0]
    return dictionary, columns


def test_r_script_labels_each_known_column_and_makes_factors_of_choices(survey):
    script = r_script(*survey, data_file="responses.csv")
    assert 'read.csv("responses.csv"' in script
    assert 'attr(responses[["eff_1"]], "label") <- "I can adapt a lesson' in script
    assert (
        'responses[["role.factor"]] <- factor(responses[["role"]], levels = c("1", "2", "3", '
        '"4"), labels = c("Teacher", "Counselor", "Administrator", "Other"))'
    ) in script
    assert '"Topics you want to discuss: Assessment"' in script  # a checkbox column
    assert "# Scale efficacy: eff_1, eff_2, eff_3, eff_4; reverse scored: eff_4" in script
    assert '[["wave"]]' not in script  # not in the dictionary: left as read


def test_spss_syntax_reads_every_column_in_order_with_numbers_as_numbers(survey):
    _dictionary, columns = survey
    syntax = spss_syntax(*survey, data_file="responses.csv")
    variables = syntax.split("/VARIABLES=\n", 1)[1].split(".\n", 1)[0].splitlines()
    assert [line.split()[0] for line in variables] == columns
    assert "  eff_1 F8.2" in variables and "  wave A255" in variables
    assert "  /role 1 'Teacher' 2 'Counselor' 3 'Administrator' 4 'Other'" in syntax
    assert syntax.rstrip().endswith("EXECUTE.")


def test_quotes_in_labels_are_escaped_for_each_language():
    dictionary = dictionary_read(
        HEADER + '"Choices, Calculations, OR Slider Labels",Field Note,'
        "Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,"
        "Identifier?,Branching Logic (Show field only if...),Required Field?,Custom Alignment,"
        "Question Number (surveys only),Matrix Group Name,Matrix Ranking?,Field Annotation\n"
        "record_id,s,,text,Record,,,,,,,,,,,,,\n"
        'q1,s,,radio,"The \'best\' ""part""","1, It\'s fine | 2, No",,,,,,,,,,,,\n'
    )
    r = r_script(dictionary, ["record_id", "q1"], data_file="my data.csv")
    assert 'attr(responses[["q1"]], "label") <- "The \'best\' \\"part\\""' in r
    spss = spss_syntax(dictionary, ["record_id", "q1"], data_file="my data.csv")
    assert "/q1 'The ''best'' \"part\"'" in spss and "1 'It''s fine'" in spss


def test_analyze_writes_both_beside_its_report(tmp_path, capsys):
    r_file, spss_file = tmp_path / "labels.R", tmp_path / "labels.sps"
    call_command(
        "analyze", str(DATA / "dictionary.csv"), str(DATA / "responses.csv"),
        "--r-script", str(r_file), "--spss-syntax", str(spss_file),
    )  # fmt: skip
    assert "Scale efficacy" in capsys.readouterr().out
    assert r_file.read_text().startswith("# Written by Staffroom")
    assert "VARIABLE LABELS" in spss_file.read_text()


def test_analyze_says_so_when_it_cannot_write_a_script(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Could not write"):
        call_command(
            "analyze", str(DATA / "dictionary.csv"), str(DATA / "responses.csv"),
            "--r-script", str(tmp_path / "no-such-folder" / "labels.R"),
        )  # fmt: skip


def test_a_scale_name_on_two_lines_stays_in_the_scripts_comments():
    """The builder refuses a subscale name with a line break, but a dictionary given to
    ``staffroom analyze`` may hold one: the scripts note each scale in a comment, and a
    second line must not become R code (or an SPSS command) run by whoever opens it."""
    sneaky = "steady\nunlink(list.files());#"
    choices = '"1, Disagree | 2, Agree"'
    dictionary = dictionary_read(
        HEADER + '"Choices, Calculations, OR Slider Labels",Field Note,'
        "Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,"
        "Identifier?,Branching Logic (Show field only if...),Required Field?,Custom Alignment,"
        "Question Number (surveys only),Matrix Group Name,Matrix Ranking?,Field Annotation\n"
        "record_id,f,,text,ID,,,,,,,,,,,,,\n"
        f"calm,f,,radio,I stay calm.,{choices},,,,,,,,,,,,\"@SCALE='{sneaky}'\"\n"
        f"rushed,f,,radio,I feel rushed.,{choices},,,,,,,,,,,,\"@SCALE='{sneaky}' @REVERSE\"\n"
    )
    assert list(dictionary.scales) == [sneaky]
    columns = ["record_id", "wave", "calm", "rushed"]
    for script in (r_script(dictionary, columns, data_file="r.csv"),
                   spss_syntax(dictionary, columns, data_file="r.csv")):  # fmt: skip
        assert not [line for line in script.splitlines() if line.startswith("unlink")]
    assert "# Scale steady unlink(list.files());#: calm, rushed; reverse scored: rushed" in (
        r_script(dictionary, columns, data_file="r.csv")
    )


def test_spss_reads_text_answers_whole_and_other_columns_as_short_text(survey):
    """SPSS cuts a string longer than its declared width: a long answer (the
    questionnaire takes 10,000 characters) must not lose its end."""
    syntax = spss_syntax(*survey, data_file="responses.csv")
    variables = syntax.split("/VARIABLES=\n", 1)[1].split(".\n", 1)[0].splitlines()
    assert "  topics_assess A32767" in variables and "  role_other A32767" in variables
    assert "  wave A255" in variables and "  record_id A255" in variables
