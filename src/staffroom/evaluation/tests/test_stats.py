"""The statistics against R, to 1e-6.

Two kinds of reference:

- numbers R prints in its own documentation or for its own data sets, each with where
  it comes from; R prints 4 to 7 significant digits, so each is compared to the half
  unit of its last printed digit (never looser than 5e-5, and 1e-6 or tighter where R
  prints 7 digits);
- where no printed number exists, the same quantity computed independently in the
  test: exact rational arithmetic (``fractions``), brute-force enumeration of every
  sign assignment, the closed form of Student's t distribution for odd degrees of
  freedom (Abramowitz & Stegun 26.7.4), or scipy.stats.
"""

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest

from staffroom.evaluation import stats

# R's datasets::sleep (Student 1908, from Cushny & Peebles 1905): extra hours of sleep
# for the same 10 patients with drug 1 (group 1) and drug 2 (group 2).
SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]

# R's ?wilcox.test example, from Hollander & Wolfe (1973), p. 29f.: Hamilton depression
# scale factor IV in 9 patients at the first (x) and second (y) visit after a
# tranquilizer.
DEPRESSION_X = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
DEPRESSION_Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]

# R's ?cor.test example, from Hollander & Wolfe (1973), p. 187f.: Hunter L lightness (x)
# and consumer panel scores (y) of 9 lots of canned tuna.
TUNA_X = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1]
TUNA_Y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8]


def student_t_two_sided_p(t: float, df: int) -> float:
    """P(|T| >= |t|) for odd df by the closed form of Abramowitz & Stegun 26.7.4:
    A(t|df) = 2/pi (theta + sin theta (cos theta + 2/3 cos^3 theta + ...
    + (2*4*...*(df-3)) / (1*3*...*(df-2)) cos^(df-2) theta)), theta = atan(|t|/sqrt(df)).
    Independent of scipy."""
    assert df % 2 == 1
    theta = math.atan(abs(t) / math.sqrt(df))
    series, term = 0.0, math.cos(theta)
    for k in range(1, (df - 1) // 2 + 1):
        if k > 1:
            term *= (2 * k - 2) / (2 * k - 1) * math.cos(theta) ** 2
        series += term
    a = 2 / math.pi * (theta + math.sin(theta) * series) if df > 1 else 2 / math.pi * theta
    return 1 - a


def exact_mean_sd(values) -> tuple[Fraction, Fraction]:
    """Mean and variance (n - 1) of decimal data, as exact fractions."""
    exact = [Fraction(str(v)) for v in values]
    mean = sum(exact) / len(exact)
    return mean, sum((v - mean) ** 2 for v in exact) / (len(exact) - 1)


def brute_force_signed_rank_p(diffs, alternative="two.sided") -> tuple[float, float]:
    """V and its exact p by enumerating all 2^n sign assignments of the ranks (no ties,
    no zeros), the two-sided p as R defines it: min(1, 2 * the smaller tail)."""
    magnitudes = sorted(abs(d) for d in diffs)
    rank = {m: i + 1 for i, m in enumerate(magnitudes)}
    v = sum(rank[abs(d)] for d in diffs if d > 0)
    n = len(diffs)
    sums = [
        sum(r for r, s in zip(range(1, n + 1), signs, strict=True) if s)
        for signs in itertools.product((0, 1), repeat=n)
    ]
    at_most = sum(s <= v for s in sums) / 2**n
    at_least = sum(s >= v for s in sums) / 2**n
    if alternative == "greater":
        return v, at_least
    if alternative == "less":
        return v, at_most
    return v, min(1.0, 2 * (at_least if v > n * (n + 1) / 4 else at_most))


# -- paired t-test ---------------------------------------------------------------------


def test_paired_t_test_matches_r_on_the_sleep_data():
    """R: ``t.test(extra ~ group, data = sleep, paired = TRUE)`` (the example of R's
    ?sleep and ?t.test) prints t = -4.0621, df = 9, p-value = 0.002833, 95 percent
    confidence interval -2.4598858 -0.7001142, mean difference -1.58."""
    result = stats.paired_t_test(SLEEP_1, SLEEP_2)
    assert result.n == 10 and result.df == 9
    assert result.mean_diff == pytest.approx(-1.58, abs=1e-12)
    assert abs(result.t - -4.0621) < 5e-5
    assert abs(result.p - 0.002833) < 5e-7
    assert abs(result.ci95[0] - -2.4598858) < 5e-8
    assert abs(result.ci95[1] - -0.7001142) < 5e-8


def test_paired_t_test_equals_exact_arithmetic_and_the_closed_form_of_t():
    """t, d_z and p to 1e-9 from exact fractions and A&S 26.7.4 (no scipy involved)."""
    diffs = [a - b for a, b in zip(SLEEP_1, SLEEP_2, strict=True)]
    mean, variance = exact_mean_sd(Fraction(str(a)) - Fraction(str(b))
                                   for a, b in zip(SLEEP_1, SLEEP_2, strict=True))  # fmt: skip
    t = float(mean) / math.sqrt(float(variance) / len(diffs))
    result = stats.paired_t_test(SLEEP_1, SLEEP_2)
    assert result.t == pytest.approx(t, abs=1e-9)
    assert result.d_z == pytest.approx(float(mean) / math.sqrt(float(variance)), abs=1e-9)
    assert result.p == pytest.approx(student_t_two_sided_p(t, 9), abs=1e-9)
    assert stats.cohens_dz(SLEEP_1, SLEEP_2) == pytest.approx(result.d_z, abs=1e-12)


def test_paired_t_test_interval_matches_scipy():
    from scipy import stats as scipy_stats

    rng = np.random.default_rng(11)
    x = rng.normal(3.5, 0.8, 40)
    y = x - rng.normal(0.3, 0.5, 40)
    ours = stats.paired_t_test(x, y)
    theirs = scipy_stats.ttest_rel(x, y)
    interval = theirs.confidence_interval(0.95)
    assert ours.t == pytest.approx(theirs.statistic, abs=1e-9)
    assert ours.p == pytest.approx(theirs.pvalue, abs=1e-12)
    assert ours.ci95 == pytest.approx((interval.low, interval.high), abs=1e-9)


def test_paired_t_test_drops_incomplete_pairs_as_r_does():
    with_missing = stats.paired_t_test([*SLEEP_1, np.nan, 4.0], [*SLEEP_2, 1.0, np.nan])
    assert with_missing == stats.paired_t_test(SLEEP_1, SLEEP_2)


@pytest.mark.parametrize(
    ("x", "y", "message"),
    [([1.0], [2.0], "at least 2 pairs"), ([3.0, 4.0, 5.0], [2.0, 3.0, 4.0], "same amount")],
)
def test_paired_t_test_refuses_where_r_stops(x, y, message):
    with pytest.raises(stats.NotEnoughData, match=message):
        stats.paired_t_test(x, y)


# -- Wilcoxon signed-rank --------------------------------------------------------------


def test_signed_rank_matches_r_on_the_sleep_data_with_ties_and_a_zero():
    """R (3.6 to 4.6: a zero difference rules out the exact test in every version):
    ``wilcox.test(extra ~ group, data = sleep, paired = TRUE)`` prints
    V = 0, p-value = 0.009091, warning that it cannot compute an exact p-value with
    ties and with zeroes (so: normal approximation, continuity correction, tie
    correction of the variance)."""
    result = stats.wilcoxon_signed_rank(SLEEP_1, SLEEP_2)
    assert result.v == 0
    assert abs(result.p - 0.009091) < 5e-7
    assert not result.exact and result.ties and result.zeros
    assert (result.n, result.n_nonzero) == (10, 9)


def test_signed_rank_normal_approximation_follows_the_formula():
    """The same sleep p from the formula by hand: 9 non-zero differences, V = 0, one pair
    of tied ranks (|-1.3| twice), so sigma^2 = 9*10*19/24 - (2^3 - 2)/48, and
    z = (0 - 22.5 + 0.5) / sigma. Without the tie correction p would be 0.009152, which
    R's printed 0.009091 rules out."""
    sigma = math.sqrt(9 * 10 * 19 / 24 - (2**3 - 2) / 48)
    z = (0 - 9 * 10 / 4 + 0.5) / sigma
    p = 2 * 0.5 * math.erfc(-z / math.sqrt(2))
    assert stats.wilcoxon_signed_rank(SLEEP_1, SLEEP_2).p == pytest.approx(p, abs=1e-12)


def test_signed_rank_exact_matches_the_r_documentation_example():
    """R's ?wilcox.test: ``wilcox.test(x, y, paired = TRUE, alternative = "greater")``
    on the depression data prints V = 40, p-value = 0.01953 (exactly 10/512)."""
    result = stats.wilcoxon_signed_rank(DEPRESSION_X, DEPRESSION_Y, alternative="greater")
    assert result.exact and result.v == 40
    assert abs(result.p - 0.01953) < 5e-6
    assert result.p == pytest.approx(10 / 512, abs=1e-15)
    two_sided = stats.wilcoxon_signed_rank(DEPRESSION_X, DEPRESSION_Y)
    assert two_sided.p == pytest.approx(20 / 512, abs=1e-15)


def test_signed_rank_large_sample_matches_the_r_documentation_example():
    """R's ?wilcox.test: ``wilcox.test(y - x, alternative = "less", exact = FALSE,
    correct = FALSE)`` ("H&W large sample approximation") prints V = 5, p = 0.01908."""
    result = stats.wilcoxon_signed_rank(
        DEPRESSION_Y, DEPRESSION_X, alternative="less", exact=False, correct=False
    )
    assert result.v == 5 and not result.exact
    assert abs(result.p - 0.01908) < 5e-6


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_signed_rank_exact_p_equals_brute_force_enumeration(seed):
    """n = 8 differences of distinct magnitudes (no ties, no zeros): R's default is the
    exact p; every one of the 256 sign assignments is enumerated here."""
    rng = np.random.default_rng(seed)
    magnitudes = rng.permutation(np.arange(1, 9)) * 0.25 + 0.1
    diffs = magnitudes * rng.choice([-1, 1], 8, p=[0.3, 0.7])
    for alternative in ("two.sided", "greater", "less"):
        v, p = brute_force_signed_rank_p(diffs.tolist(), alternative)
        result = stats.wilcoxon_signed_rank(diffs, np.zeros(8), alternative=alternative)
        assert result.exact and result.v == v
        assert result.p == pytest.approx(p, abs=1e-15)


def test_signrank_distribution_counts_every_subset():
    n = 12
    counts = stats.signrank_counts(n)
    brute = np.zeros_like(counts)
    for signs in itertools.product((0, 1), repeat=n):
        brute[sum(r for r, s in zip(range(1, n + 1), signs, strict=True) if s)] += 1
    assert (counts == brute).all() and counts.sum() == 2**n
    assert stats.psignrank(n * (n + 1) / 2, n) == 1.0 and stats.psignrank(-1, n) == 0.0


def test_signed_rank_uses_the_normal_approximation_from_50_pairs():
    rng = np.random.default_rng(5)
    x = rng.normal(0.3, 1, 60)
    diffs = x[np.argsort(np.abs(x))]  # distinct magnitudes: no ties
    result = stats.wilcoxon_signed_rank(diffs, np.zeros(60))
    assert not result.exact and not result.ties
    n = 60
    v = sum(i + 1 for i, d in enumerate(diffs) if d > 0)
    z = v - n * (n + 1) / 4
    z = (z - math.copysign(0.5, z)) / math.sqrt(n * (n + 1) * (2 * n + 1) / 24)
    assert result.v == v
    assert result.p == pytest.approx(math.erfc(abs(z) / math.sqrt(2)), abs=1e-12)


def test_signed_rank_matches_scipy_with_r_settings():
    """scipy differs from R by default; with zero_method="wilcox", correction=True and
    method="asymptotic" it computes R's normal approximation (ties corrected)."""
    from scipy import stats as scipy_stats

    rng = np.random.default_rng(8)
    before = rng.integers(1, 6, 80).astype(float)
    after = np.clip(before + rng.integers(-1, 3, 80), 1, 5)
    ours = stats.wilcoxon_signed_rank(after, before)
    theirs = scipy_stats.wilcoxon(
        after, before, zero_method="wilcox", correction=True, method="asymptotic"
    )
    assert not ours.exact and ours.ties and ours.zeros
    assert ours.p == pytest.approx(theirs.pvalue, abs=1e-12)
    plus = stats.wilcoxon_signed_rank(after, before).v
    n = ours.n_nonzero
    assert min(plus, n * (n + 1) / 2 - plus) == theirs.statistic


def _midranks(values) -> list[float]:
    ordered = sorted(values)
    return [(ordered.index(v) + 1 + len(ordered) - ordered[::-1].index(v)) / 2 for v in values]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_signed_rank_with_ties_is_exact_as_in_r_4_6(seed):
    """R 4.6 (``stats/R/wilcox.test.R``): with ties but no zero and n < 50 the p-value
    comes from the distribution of V over all sign assignments of the midranks; the
    upper tail is ``1 - .psignrank(V - 1)``, i.e. P(V > V_obs - 1), which with
    half-integer midranks also counts V_obs - 1/2. Checked against enumerating all
    2^n assignments."""
    rng = np.random.default_rng(seed)
    diffs = [float(d) for d in rng.choice([-2, -1, 1, 2, 3], size=11)]
    ranks = _midranks([abs(d) for d in diffs])
    v = sum(r for r, d in zip(ranks, diffs, strict=True) if d > 0)
    sums = [
        sum(r for r, keep in zip(ranks, signs, strict=True) if keep)
        for signs in itertools.product((0, 1), repeat=len(diffs))
    ]
    lower = sum(t <= v + 1e-9 for t in sums) / 2 ** len(diffs)
    upper = sum(t > v - 1 + 1e-9 for t in sums) / 2 ** len(diffs)
    n = len(diffs)
    expected = min(1.0, 2 * (upper if v > n * (n + 1) / 4 else lower))
    result = stats.wilcoxon_signed_rank(diffs, [0.0] * n)
    assert result.exact and result.ties and not result.zeros
    assert result.v == v
    assert result.p == pytest.approx(expected, abs=1e-12)


def test_signed_rank_legacy_ties_gives_the_normal_approximation_of_older_r():
    diffs = [1.0, 1.0, 2.0, -1.0, 3.0, 2.0, 4.0]
    ties = stats.wilcoxon_signed_rank(diffs, [0.0] * 7, legacy_ties=True)
    assert not ties.exact
    n, v = 7, ties.v
    _values, tied = np.unique(_midranks([abs(d) for d in diffs]), return_counts=True)
    sigma = math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - float((tied**3 - tied).sum()) / 48)
    z = (v - n * (n + 1) / 4 - 0.5) / sigma
    assert ties.p == pytest.approx(math.erfc(abs(z) / math.sqrt(2)), abs=1e-12)


def test_signed_rank_with_every_difference_zero_has_no_p():
    result = stats.wilcoxon_signed_rank([2.0, 3.0], [2.0, 3.0])
    assert result.v == 0 and result.n_nonzero == 0 and math.isnan(result.p)


def test_rank_average_gives_ties_their_mean_rank_as_r_does():
    """R: rank(c(10, 20, 10, 30, 20, 20)) is 1.5 4.0 1.5 6.0 4.0 4.0."""
    assert stats.rank_average([10, 20, 10, 30, 20, 20]).tolist() == [1.5, 4, 1.5, 6, 4, 4]


# -- correlations ----------------------------------------------------------------------


def test_pearson_equals_exact_arithmetic_on_the_tuna_data():
    """r from exact sums of squares and products; cor.test's t = r sqrt(7 / (1 - r^2))
    and its two-sided p by A&S 26.7.4 (df = 7); the interval by Fisher's z."""
    xs = [Fraction(str(v)) for v in TUNA_X]
    ys = [Fraction(str(v)) for v in TUNA_Y]
    mx, my = sum(xs) / 9, sum(ys) / 9
    sxy = sum((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True))
    sxx = sum((a - mx) ** 2 for a in xs)
    syy = sum((b - my) ** 2 for b in ys)
    r = float(sxy) / math.sqrt(float(sxx * syy))
    result = stats.pearson(TUNA_X, TUNA_Y)
    assert result.n == 9
    assert result.r == pytest.approx(r, abs=1e-12)
    t = r * math.sqrt(7 / (1 - r * r))
    assert result.p == pytest.approx(student_t_two_sided_p(t, 7), abs=1e-9)
    half = 1.959963984540054 / math.sqrt(6)  # qnorm(0.975)
    assert result.ci95 == pytest.approx(
        (math.tanh(math.atanh(r) - half), math.tanh(math.atanh(r) + half)), abs=1e-9
    )


def test_pearson_matches_the_printed_r_output_on_the_tuna_data():
    """R: ``cor.test(x, y)`` on the Hollander & Wolfe data of ?cor.test prints
    t = 1.8411, df = 7, p-value = 0.1082, 95 percent confidence interval
    -0.1497426 0.8955795, cor 0.5711816 (each to the digits printed)."""
    result = stats.pearson(TUNA_X, TUNA_Y)
    assert abs(result.r - 0.5711816) < 5e-8
    assert abs(result.p - 0.1082) < 5e-5
    assert abs(result.ci95[0] - -0.1497426) < 5e-8
    assert abs(result.ci95[1] - 0.8955795) < 5e-8


def test_spearman_equals_the_textbook_formula_without_ties():
    """No ties in the tuna data: rho = 1 - 6 sum(d^2) / (n (n^2 - 1)); R's
    ``cor.test(x, y, method = "spearman")`` reports S = sum(d^2) = 48, so rho = 0.6."""
    rank_x = {v: i + 1 for i, v in enumerate(sorted(TUNA_X))}
    rank_y = {v: i + 1 for i, v in enumerate(sorted(TUNA_Y))}
    s = sum((rank_x[a] - rank_y[b]) ** 2 for a, b in zip(TUNA_X, TUNA_Y, strict=True))
    assert s == 48
    assert stats.spearman(TUNA_X, TUNA_Y).r == pytest.approx(1 - 6 * s / (9 * 80), abs=1e-12)


@pytest.mark.parametrize("seed", [21, 22, 23])
def test_correlations_match_scipy_on_random_data_with_ties_and_gaps(seed):
    from scipy import stats as scipy_stats

    rng = np.random.default_rng(seed)
    x = rng.integers(1, 6, 200).astype(float)
    y = np.round(x * 0.5 + rng.normal(0, 1, 200), 1)
    x[rng.choice(200, 15, replace=False)] = np.nan
    keep = ~np.isnan(x)
    pearson = stats.pearson(x, y)
    expected = scipy_stats.pearsonr(x[keep], y[keep])
    assert pearson.n == keep.sum()
    assert pearson.r == pytest.approx(expected.statistic, abs=1e-12)
    assert pearson.p == pytest.approx(expected.pvalue, abs=1e-12)
    interval = expected.confidence_interval(0.95)
    assert pearson.ci95 == pytest.approx((interval.low, interval.high), abs=1e-9)
    spearman = stats.spearman(x, y)
    assert spearman.r == pytest.approx(scipy_stats.spearmanr(x[keep], y[keep]).statistic,
                                       abs=1e-12)  # fmt: skip


def test_correlation_of_a_constant_is_missing_as_in_r():
    assert math.isnan(stats.pearson([1, 1, 1], [1, 2, 3]).r)
    assert math.isnan(stats.spearman([1, 1, 1], [1, 2, 3]).r)
    assert math.isnan(stats.pearson([1], [2]).r)


# -- Cronbach's alpha ------------------------------------------------------------------


def test_alpha_of_a_hand_computed_example():
    """Items (1 2 2), (2 3 3), (3 3 4), (4 5 4): item variances 5/3, 19/12, 11/12 (sum
    25/6), totals 5, 8, 10, 13 with variance 34/3, so alpha = 3/2 (1 - (25/6)/(34/3))
    = 129/136. A fifth respondent with a missing answer is left out (listwise)."""
    items = [[1, 2, 2], [2, 3, 3], [3, 3, 4], [4, 5, 4], [5, np.nan, 1]]
    result = stats.cronbach_alpha(items)
    assert (result.n, result.k) == (4, 3)
    assert result.alpha == pytest.approx(129 / 136, abs=1e-12)


def test_alpha_equals_the_covariance_formula_on_random_data():
    """alpha = k / (k - 1) (1 - trace(C) / sum(C)), C the items' covariance matrix."""
    rng = np.random.default_rng(3)
    common = rng.normal(0, 1, (300, 1))
    items = np.clip(np.round(3 + common + rng.normal(0, 1, (300, 6))), 1, 5)
    items[rng.random((300, 6)) < 0.05] = np.nan
    complete = items[~np.isnan(items).any(axis=1)]
    c = np.cov(complete, rowvar=False)
    expected = 6 / 5 * (1 - np.trace(c) / c.sum())
    result = stats.cronbach_alpha(items)
    assert result.n == complete.shape[0]
    assert result.alpha == pytest.approx(expected, abs=1e-12)


def test_alpha_needs_two_items_and_two_complete_cases():
    assert math.isnan(stats.cronbach_alpha([[1], [2], [3]]).alpha)
    assert math.isnan(stats.cronbach_alpha([[1, 2], [np.nan, 3]]).alpha)
    assert math.isnan(stats.cronbach_alpha([[2, 2], [2, 2], [2, 2]]).alpha)
