"""Conditions in words, as the questionnaire shows them beside a conditional question."""

from django.utils import translation

from staffroom.evaluation.instrument_selectors import show_if_words
from staffroom.evaluation.models import Item


def _items():
    rating = Item(name="overall", kind=Item.Kind.LIKERT, label="Overall rating",
                  choices=[["1", "Poor"], ["2", "Fair"], ["3", "Good"]])  # fmt: skip
    topics = Item(name="topics", kind=Item.Kind.MULTIPLE, label="Topics",
                  choices=[["1", "Labs"], ["2", "Grading"]])  # fmt: skip
    return {item.name: item for item in (rating, topics)}


def test_a_choice_code_reads_as_its_label():
    assert show_if_words("[overall] = '2'", _items()) == "“Overall rating” is “Fair”"


def test_a_comparison_with_the_empty_text_reads_as_answered_or_not():
    words = show_if_words("[overall] <> '' and [overall] <= 2", _items())
    assert words == "“Overall rating” is answered and “Overall rating” is at most 2"
    assert show_if_words("[overall] = ''", _items()) == "“Overall rating” is not answered"
    with translation.override("es"):
        assert show_if_words("[overall] <> ''", _items()) == "“Overall rating” tiene respuesta"


def test_a_ticked_box_reads_as_includes():
    assert show_if_words("[topics(2)] = '1'", _items()) == "“Topics” includes “Grading”"
    assert show_if_words("[topics(1)] = '0'", _items()) == "“Topics” does not include “Labs”"


def test_logic_that_cannot_be_read_is_shown_as_written():
    assert show_if_words("[overall] = 'unclosed", _items()) == "[overall] = 'unclosed"
