"""Token-level extraction scoring."""

from pipeline.extraction_eval import score_page, totals


def test_leaked_boilerplate_costs_precision_and_lost_text_costs_recall():
    reference = "Turkey and Russia agreed a ceasefire. Patrols begin on Sunday."
    leaked = score_page("x", reference + " Related: Most read stories", reference)
    cut = score_page("y", "Turkey and Russia agreed a ceasefire.", reference)
    assert leaked.recall == 1.0 and leaked.precision < 1.0
    assert cut.precision == 1.0 and cut.recall < 1.0


def test_repeated_words_count_as_often_as_they_appear():
    once = score_page("x", "ceasefire", "ceasefire ceasefire")
    assert (once.overlap, once.predicted, once.reference) == (1, 1, 2)


def test_totals_sum_tokens_over_pages_and_a_failed_page_scores_zero():
    pages = [score_page("a", "one two", "one two"), score_page("b", "", "three four", error="no article body found")]
    result = totals(pages)
    assert result["extraction_precision"] == 1.0 and result["extraction_recall"] == 0.5 and result["pages"] == 2
