"""The statistics of survey analysis, as R computes them.

Pure functions: numbers in, frozen dataclasses out, no Django models. Each one names
the R call whose defaults it reproduces; ``tests/test_stats.py`` checks them against
results R prints in its own documentation and against independent computations.

Paired functions take ``x`` and ``y`` in R's order, so the difference is ``x - y``
(the analysis passes the later wave as ``x``). Pairs where either value is missing
(NaN) are dropped first, as R's ``complete.cases`` does.

numpy is imported at module level (it is cheap and every function needs it); scipy,
which is slow to import, only inside the functions that need Student's t.
"""

import math
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

from staffroom.core.errors import DomainError

# R's .Machine$double.eps, used by t.test to refuse "essentially constant" data.
DOUBLE_EPS = 2.220446049250313e-16
# wilcox.test uses the exact distribution of V below this many non-zero differences.
EXACT_BELOW = 50


class NotEnoughData(DomainError):
    """The data cannot give this statistic (too few pairs, or no variation): R stops
    with an error in the same cases; the message says why, for the person reading."""


@dataclass(frozen=True)
class PairedTTest:
    """R's ``t.test(x, y, paired = TRUE)``: the mean of ``x - y`` and its test."""

    n: int
    mean_diff: float
    sd_diff: float
    t: float
    df: int
    p: float
    ci95: tuple[float, float]
    d_z: float


@dataclass(frozen=True)
class SignedRank:
    """R's ``wilcox.test(x, y, paired = TRUE)``: ``v`` is R's statistic V (the sum of
    the ranks of the positive differences); ``exact`` says whether ``p`` comes from
    the exact distribution of V or from the normal approximation."""

    n: int  # complete pairs
    n_nonzero: int  # pairs left once zero differences are dropped
    v: float
    p: float
    exact: bool
    ties: bool
    zeros: bool


@dataclass(frozen=True)
class Correlation:
    """A correlation over the complete pairs. ``p`` and ``ci95`` (Fisher's z) are
    those of R's ``cor.test`` for Pearson's r; NaN for Spearman's rho."""

    n: int
    r: float
    p: float = math.nan
    ci95: tuple[float, float] = (math.nan, math.nan)


@dataclass(frozen=True)
class Alpha:
    """Cronbach's alpha over the ``n`` complete cases of ``k`` items."""

    alpha: float
    n: int
    k: int


def _pairs(x, y) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.shape != y.shape or x.ndim != 1:
        raise ValueError("x and y must be one-dimensional and of the same length")
    keep = ~(np.isnan(x) | np.isnan(y))
    return x[keep], y[keep]


def rank_average(values) -> np.ndarray:
    """Ranks 1..n with ties given their average rank: R's ``rank(x)`` (its default
    ``ties.method = "average"``)."""
    values = np.asarray(values, dtype=float)
    n = values.size
    order = np.argsort(values, kind="mergesort")
    ordered = values[order]
    starts_group = np.empty(n, dtype=bool)
    starts_group[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts_group[1:])
    group = np.cumsum(starts_group) - 1
    starts = np.flatnonzero(starts_group)
    ends = np.append(starts[1:], n)
    average = (starts + 1 + ends) / 2.0  # mean of the ranks starts+1 .. ends
    ranks = np.empty(n)
    ranks[order] = average[group]
    return ranks


def _pnorm(z: float) -> float:
    """R's ``pnorm(z)``, the standard normal distribution function."""
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


def paired_t_test(x, y) -> PairedTTest:
    """R's ``t.test(x, y, paired = TRUE)`` with its defaults (two-sided, 95% interval):
    t = mean(d) / (sd(d) / sqrt(n)) with d = x - y, df = n - 1, p = 2 * pt(-|t|, df),
    the interval (t -/+ qt(0.975, df)) * se as R builds it. ``d_z`` is Cohen's d for
    paired data, mean(d) / sd(d) (what ``effectsize::cohens_d(x, y, paired = TRUE)``
    reports). Raises ``NotEnoughData`` where R stops: fewer than two pairs, or
    differences that are (essentially) constant."""
    from scipy.special import stdtr, stdtrit

    x, y = _pairs(x, y)
    diff = x - y
    n = int(diff.size)
    if n < 2:
        raise NotEnoughData(
            _("A paired t-test needs at least 2 pairs; there are %(n)s.") % {"n": n}
        )
    mean = float(diff.mean())
    sd = float(diff.std(ddof=1))
    stderr = math.sqrt(sd * sd / n)
    if stderr == 0 or stderr < 10 * DOUBLE_EPS * abs(mean):
        raise NotEnoughData(
            _("Every pair differs by the same amount, so the paired t-test is undefined.")
        )
    t = mean / stderr
    df = n - 1
    p = 2 * float(stdtr(df, -abs(t)))
    q = float(stdtrit(df, 0.975))
    return PairedTTest(
        n=n,
        mean_diff=mean,
        sd_diff=sd,
        t=t,
        df=df,
        p=p,
        ci95=((t - q) * stderr, (t + q) * stderr),
        d_z=mean / sd,
    )


def cohens_dz(x, y) -> float:
    """Cohen's d_z for paired data: mean(x - y) / sd(x - y) over the complete pairs
    (``effectsize::cohens_d(x, y, paired = TRUE)``); NaN under two pairs or when the
    differences do not vary."""
    x, y = _pairs(x, y)
    diff = x - y
    if diff.size < 2:
        return math.nan
    sd = float(diff.std(ddof=1))
    return float(diff.mean()) / sd if sd > 0 else math.nan


def signrank_counts(n: int) -> np.ndarray:
    """How many of the 2^n sign assignments give V = 0, 1, ..., n(n+1)/2 when the ranks
    are 1..n: the distribution behind R's ``dsignrank``/``psignrank``, counted exactly
    (a 0/1 knapsack over the ranks) while int64 holds 2^n, in doubles beyond, as R."""
    counts = np.zeros(n * (n + 1) // 2 + 1, dtype=np.int64 if n <= 62 else np.float64)
    counts[0] = 1
    for rank in range(1, n + 1):
        counts[rank:] = counts[rank:] + counts[:-rank]
    return counts


def psignrank(q: float, n: int, *, lower_tail: bool = True) -> float:
    """R's ``psignrank(q, n, lower.tail)``: P(V <= q) (or P(V > q)) under H0."""
    counts = signrank_counts(n)
    q = round(q + 1e-7)  # R: x = R_forceint(x + 1e-7)
    below = counts[: min(q, counts.size - 1) + 1].sum() if q >= 0 else 0
    total = 1 << n if n <= 62 else 2.0**n
    below = int(below) if n <= 62 else float(below)
    return (below if lower_tail else total - below) / total


def _tied_signrank_below(q: float, ranks: np.ndarray) -> float:
    """P(V <= q) when V sums a random half of ``ranks`` (midranks of ties): R 4.6's
    ``.psignrank(q, n, z)``. Midranks are halves at worst, so the sums are counted on
    doubled, whole-number ranks (a 0/1 knapsack), exactly in int64 below 2^62."""
    doubled = np.rint(2 * ranks).astype(np.int64)
    counts = np.zeros(int(doubled.sum()) + 1, dtype=np.int64 if ranks.size <= 62 else np.float64)
    counts[0] = 1
    for score in doubled:
        counts[score:] = counts[score:] + counts[:-score]
    support = np.arange(counts.size) / 2
    total = float(2**ranks.size)
    return float(counts[support < q + 1e-8].sum()) / total


def wilcoxon_signed_rank(
    x,
    y,
    *,
    alternative: str = "two.sided",
    exact: bool | None = None,
    correct: bool = True,
    digits_rank: float = math.inf,
    legacy_ties: bool = False,
) -> SignedRank:
    """R's ``wilcox.test(x, y, paired = TRUE)`` as R 4.6 computes it, with the same
    arguments and defaults (two-sided, ``exact = NULL``, ``correct = TRUE``,
    ``digits.rank = Inf``): zero differences are dropped; V is the sum of the ranks of
    |d| over the positive d; when ``exact`` is left as None, p is exact if fewer than
    50 differences remain and none was zero: from the distribution of V over the 2^n
    sign assignments of the ranks, the midranks of tied differences included (R 4.6's
    conditional distribution; two-sided: twice the smaller tail, at most 1). Otherwise
    it is the normal approximation with continuity correction and the tie correction
    of the variance. With every difference zero, p is NaN, as R gives.

    R before 4.6 used the normal approximation whenever there were ties; Likert scale
    scores often tie, so results from older R differ there (``legacy_ties=True``
    gives the older answer)."""
    if alternative not in ("two.sided", "less", "greater"):
        raise ValueError(f"unknown alternative {alternative!r}")
    x, y = _pairs(x, y)
    diff = x - y
    n_pairs = int(diff.size)
    if n_pairs < 1:
        raise NotEnoughData(_("The signed-rank test needs at least 1 pair; there are none."))
    zeros = bool((diff == 0).any())
    diff = diff[diff != 0]
    n = int(diff.size)
    if exact is None:
        exact = n < EXACT_BELOW
    magnitudes = np.abs(_signif(diff, int(digits_rank)) if math.isfinite(digits_rank) else diff)
    ranks = rank_average(magnitudes)
    v = float(ranks[diff > 0].sum())
    ties = bool(np.unique(ranks).size != ranks.size)
    if exact and not zeros and not (ties and legacy_ties):
        if ties:
            upper = 1 - _tied_signrank_below(v - 1, ranks)  # as R: P(V > v - 1)
            lower = _tied_signrank_below(v, ranks)
        else:
            upper = psignrank(v - 1, n, lower_tail=False)  # P(V >= v)
            lower = psignrank(v, n)  # P(V <= v)
        if alternative == "two.sided":
            p = min(2 * (upper if v > n * (n + 1) / 4 else lower), 1.0)
        else:
            p = upper if alternative == "greater" else lower
        used_exact = True
    else:
        _values, tied = np.unique(ranks, return_counts=True)
        z = v - n * (n + 1) / 4
        sigma = math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - float((tied**3 - tied).sum()) / 48)
        correction = 0.0
        if correct:
            if alternative == "two.sided":
                correction = math.copysign(0.5, z) if z != 0 else 0.0
            else:
                correction = 0.5 if alternative == "greater" else -0.5
        z = (z - correction) / sigma if sigma > 0 else math.nan
        if math.isnan(z):
            p = math.nan
        elif alternative == "two.sided":
            p = 2 * min(_pnorm(z), _pnorm(-z))
        else:
            p = _pnorm(-z) if alternative == "greater" else _pnorm(z)
        used_exact = False
    return SignedRank(n=n_pairs, n_nonzero=n, v=v, p=p, exact=used_exact, ties=ties, zeros=zeros)


def _signif(values: np.ndarray, digits: int) -> np.ndarray:
    """R's ``signif(x, digits)``."""
    with np.errstate(divide="ignore"):
        magnitude = np.floor(np.log10(np.abs(values)))
    magnitude[~np.isfinite(magnitude)] = 0
    factor = 10.0 ** (digits - 1 - magnitude)
    return np.round(values * factor) / factor


def pearson(x, y) -> Correlation:
    """R's ``cor(x, y)`` over the complete pairs (``use = "complete.obs"``), with the
    two-sided p and 95% interval of ``cor.test(x, y)``: t = r sqrt(df / (1 - r^2)) on
    df = n - 2; interval tanh(atanh(r) -/+ qnorm(0.975) / sqrt(n - 3)) when n > 3.
    NaN under 2 pairs or when either variable is constant (R gives NA there)."""
    x, y = _pairs(x, y)
    n = int(x.size)
    r = _pearson_r(x, y)
    p = math.nan
    ci = (math.nan, math.nan)
    if n > 2 and not math.isnan(r):
        from scipy.special import ndtri, stdtr

        df = n - 2
        if abs(r) < 1:
            t = r * math.sqrt(df / (1 - r * r))
            p = 2 * float(min(stdtr(df, t), stdtr(df, -t)))
        else:
            p = 0.0
        if n > 3 and abs(r) < 1:
            z = math.atanh(r)
            half = float(ndtri(0.975)) / math.sqrt(n - 3)
            ci = (math.tanh(z - half), math.tanh(z + half))
    return Correlation(n=n, r=r, p=p, ci95=ci)


def _pearson_r(x: np.ndarray, y: np.ndarray) -> float:
    if x.size < 2:
        return math.nan
    dx = x - x.mean()
    dy = y - y.mean()
    denominator = math.sqrt(float(dx @ dx) * float(dy @ dy))
    if denominator == 0:
        return math.nan
    r = float(dx @ dy) / denominator
    return max(-1.0, min(1.0, r))


def spearman(x, y) -> Correlation:
    """R's ``cor(x, y, method = "spearman")`` over the complete pairs: Pearson's r of
    the average ranks (``rank(x)``). Only the coefficient and n (R's ``cor.test``
    p-value for rho uses a different algorithm and is not reproduced here)."""
    x, y = _pairs(x, y)
    n = int(x.size)
    if n < 2:
        return Correlation(n=n, r=math.nan)
    return Correlation(n=n, r=_pearson_r(rank_average(x), rank_average(y)))


def cronbach_alpha(items) -> Alpha:
    """Cronbach's alpha, k / (k - 1) * (1 - sum of item variances / variance of the
    total), over the complete cases (listwise): R's ``ltm::cronbach.alpha(X,
    na.rm = TRUE)``, and ``psych::alpha(X)$total$raw_alpha`` when no answer is missing.
    ``items`` is respondents x items with NaN for a missing answer. NaN with fewer than
    2 items or 2 complete cases, or when the totals do not vary."""
    items = np.asarray(items, dtype=float)
    if items.ndim != 2:
        raise ValueError("items must be a respondents x items matrix")
    complete = items[~np.isnan(items).any(axis=1)]
    n, k = complete.shape
    if k < 2 or n < 2:
        return Alpha(alpha=math.nan, n=int(n), k=int(k))
    item_variance = float(complete.var(axis=0, ddof=1).sum())
    total_variance = float(complete.sum(axis=1).var(ddof=1))
    if total_variance == 0:
        return Alpha(alpha=math.nan, n=int(n), k=int(k))
    return Alpha(alpha=k / (k - 1) * (1 - item_variance / total_variance), n=int(n), k=int(k))
