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


def test_pages_split_by_their_sha256_name_or_the_sha256_of_their_name():
    from pipeline.extraction_eval import page_part

    assert page_part("0" * 64 + ".html") == "dev" and page_part("a" + "0" * 63 + ".html") == "dev"
    assert page_part("b" + "0" * 63 + ".html") == "heldout" and page_part("f" * 64 + ".txt") == "heldout"
    # other names: by the SHA-256 of the stem
    import hashlib
    for name in ("01-tass", "x", "09-reuters"):
        expected = "dev" if hashlib.sha256(name.encode()).hexdigest()[0] in "0123456789a" else "heldout"
        assert page_part(name + ".html") == expected


def _runs(ours, *others):
    from pipeline.extraction_eval import PROJECT, Run

    runs = {PROJECT: Run(PROJECT, ours, 1.0)}
    runs.update({f"trafilatura {i}": Run(f"trafilatura {i}", scores, 1.0) for i, scores in enumerate(others)})
    return runs


def test_compare_fails_when_trafilatura_alone_is_better_or_finds_an_article_ours_misses():
    from pipeline.extraction_eval import compare_failures, missed_pages

    reference = "Turkey and Russia agreed a ceasefire. " * 10
    good = score_page("a", reference, reference)
    ours_empty = score_page("b", "", reference, error="no article body found")
    theirs = score_page("b", reference, reference)
    runs = _runs([good, ours_empty], [good, theirs])
    assert missed_pages(runs) == [("b", "trafilatura 0")]
    failures = compare_failures(runs)
    assert any(f.startswith("F1 ") for f in failures) and any(f.startswith("b: ") for f in failures)


def test_compare_passes_within_the_noise_margin_and_ignores_stub_bodies():
    from pipeline.extraction_eval import compare_failures

    reference = " ".join(f"word{i}" for i in range(1000))
    ours = score_page("a", " ".join(f"word{i}" for i in range(999)), reference)  # F1 0.9995
    stub = score_page("b", "", "x y", error="body too short (20 characters)")
    theirs_stub = score_page("b", "Share this", "x y")  # under MIN_BODY_CHARS: not an article
    runs = _runs([ours, stub], [score_page("a", reference, reference), theirs_stub])
    assert compare_failures(runs, margin=0.002) == []
