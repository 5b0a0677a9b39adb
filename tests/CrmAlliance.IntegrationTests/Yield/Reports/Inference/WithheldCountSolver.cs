using System.Text.Json.Nodes;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.Reports;

namespace CrmAlliance.IntegrationTests.Yield.Reports.Inference;

/// <summary>
/// What a company user can fetch about one month of its own yield: the month's view, views of longer periods that
/// contain it (measures and score) and the year's monthly trend (points in month order, the month's own included).
/// </summary>
public sealed record CompanyMonthViews(JsonNode Month, int MonthIndex, IReadOnlyList<(JsonNode View, IReadOnlyList<int> Months)> Periods, IReadOnlyList<JsonNode> TrendMonths);

/// <summary>
/// The adversary of issue 11 §6: from everything a company user can fetch (<see cref="CompanyMonthViews"/>) and the
/// published score weights it works out, for every count its month view withholds, which values are consistent
/// with all it sees. A withheld count is recovered when exactly one value is.
/// <list type="bullet">
/// <item>A withheld end-result count lies from 1 to threshold − 1 (documented); a withheld rate's count lies from 0
/// to its base, a withheld base from 0 to the placements ended (or started, for reach).</item>
/// <item>Differencing: a longer period that shows the figure, with every other month of it shown in the trend,
/// gives the month's figure as the difference.</item>
/// <item>Sums and the score: work-or-education = ordinary job + flex job + education; its base adds back on
/// benefits and dropped out; conversion is at most the ordinary jobs, its base at most the end results; a visible score must equal the published formula over the visible counts and the
/// candidate values (reach, work-or-education, self-supporting after 6 months), rounded as published.</item>
/// </list>
/// </summary>
public sealed class WithheldCountSolver(YieldScoreOptions weights, int threshold)
{
    public const string Reach = "reach.count";
    public const string ReachBase = "reach.base";
    public const string WorkOrEducation = "workOrEducation.count";
    public const string EndResults = "workOrEducation.base";
    public const string OrdinaryJob = "endedOrdinaryJob.value";
    public const string FlexJob = "endedFlexJob.value";
    public const string Education = "endedEducation.value";
    public const string BackOnBenefits = "endedBackOnBenefits.value";
    public const string DroppedOut = "endedDroppedOut.value";
    public const string SelfSupporting6 = "selfSupportingAfter6Months.count";
    public const string FollowUp6 = "selfSupportingAfter6Months.base";

    /// <summary>Rates with no sum or score tying them to others: (count, base).</summary>
    public static readonly (string Count, string Base)[] LooseRates =
    [
        ("selfSupportingAfter1Month.count", "selfSupportingAfter1Month.base"),
        ("selfSupportingAfter3Months.count", "selfSupportingAfter3Months.base"),
        ("selfSupportingAfter12Months.count", "selfSupportingAfter12Months.base"),
    ];

    public const string Conversion = "conversion.count";
    public const string ConversionBase = "conversion.base";

    private static readonly string[] EndResultCounts = [OrdinaryJob, FlexJob, Education, BackOnBenefits, DroppedOut];

    /// <summary>Every count figure the solver knows, as paths into YieldMeasures.</summary>
    public static readonly string[] Figures =
        [Reach, ReachBase, WorkOrEducation, EndResults, .. EndResultCounts, SelfSupporting6, FollowUp6, Conversion, ConversionBase, .. LooseRates.SelectMany(r => new[] { r.Count, r.Base })];

    /// <summary>The figures the month's view withholds (null), each with the values consistent with everything visible.</summary>
    public Dictionary<string, SortedSet<int>> Solve(CompanyMonthViews views)
    {
        var measures = views.Month["measures"];
        var withheld = Figures.Where(f => measures.At(f) is null).ToList();
        if (withheld.Count == 0)
        {
            return [];
        }

        var domains = Figures.ToDictionary(f => f, f => Domain(measures, f));
        foreach (var figure in Figures)
        {
            Difference(views, figure, domains[figure]);
        }

        var consistent = Figures.ToDictionary(f => f, _ => new SortedSet<int>());
        Enumerate(views.Month, domains, consistent);
        foreach (var (count, @base) in LooseRates)
        {
            foreach (var c in domains[count])
            {
                foreach (var b in domains[@base].Where(b => b >= c))
                {
                    consistent[count].Add(c);
                    consistent[@base].Add(b);
                }
            }
        }

        return withheld.ToDictionary(f => f, f => consistent[f]);
    }

    private SortedSet<int> Domain(JsonNode? measures, string figure)
    {
        if (measures.At(figure) is { } shown)
        {
            return [shown.GetValue<int>()];
        }

        var started = measures.Int("placementsStarted");
        var ended = measures.Int("placementsEnded");
        if (figure == ReachBase)
        {
            return [started]; // reach's base is the placements started, which are shown
        }

        // Withheld one by one (some shown), an end result is a small count; withheld all together, anything up to the ended.
        if (EndResultCounts.Contains(figure))
        {
            return EndResultCounts.Any(c => measures.At(c) is not null) ? new(Enumerable.Range(1, threshold - 1)) : new(Enumerable.Range(0, ended + 1));
        }

        var isCount = figure.EndsWith(".count", StringComparison.Ordinal);
        var upper = figure == Reach ? started : ended;
        if (isCount && measures.At(figure.Replace(".count", ".base", StringComparison.Ordinal)) is { } baseShown)
        {
            upper = baseShown.GetValue<int>();
        }

        return new(Enumerable.Range(0, upper + 1));
    }

    /// <summary>A longer period minus its other months, when all of those are shown, is the month's figure.</summary>
    private static void Difference(CompanyMonthViews views, string figure, SortedSet<int> domain)
    {
        if (views.TrendMonths[views.MonthIndex]["measures"].At(figure) is { } inTrend)
        {
            domain.IntersectWith([inTrend.GetValue<int>()]);
        }

        foreach (var (view, months) in views.Periods)
        {
            if (view["measures"].At(figure) is not { } total)
            {
                continue;
            }

            var others = months.Where(m => m != views.MonthIndex).Select(m => views.TrendMonths[m]["measures"].At(figure)).ToList();
            if (others.All(o => o is not null))
            {
                domain.IntersectWith([total.GetValue<int>() - others.Sum(o => o!.GetValue<int>())]);
            }
        }
    }

    /// <summary>Every combination of reach, the end results and the 6-month follow-up that the sums and the score allow.</summary>
    private void Enumerate(JsonNode view, Dictionary<string, SortedSet<int>> domains, Dictionary<string, SortedSet<int>> consistent)
    {
        var measures = view["measures"];
        var ended = measures.Int("placementsEnded");
        var score = view["score"]?.GetValue<double>();
        var basis = view.Int("scoreBasisEmployees");
        var known = (weights.PerPositionOffered * measures.Int("positionsOffered"))
            + (weights.PerPlacementStarted * measures.Int("placementsStarted"))
            + (weights.PerPlacementWeek * measures.Int("placementDays") / 7.0);
        var d = domains;
        foreach (var reach in d[Reach])
        {
            foreach (var followUp6 in d[FollowUp6].Where(b => b <= ended))
            {
                foreach (var self6 in d[SelfSupporting6].Where(s => s <= followUp6))
                {
                    foreach (var ordinary in d[OrdinaryJob])
                    {
                        foreach (var flex in d[FlexJob])
                        {
                            foreach (var education in d[Education])
                            {
                                var work = ordinary + flex + education;
                                if (!d[WorkOrEducation].Contains(work) || (score is { } s && !ScoreMatches(s, known, reach, work, self6, basis)))
                                {
                                    continue;
                                }

                                foreach (var benefits in d[BackOnBenefits])
                                {
                                    foreach (var dropped in d[DroppedOut])
                                    {
                                        var results = work + benefits + dropped;
                                        if (results > ended || !d[EndResults].Contains(results))
                                        {
                                            continue;
                                        }

                                        var conversions = d[ConversionBase].Where(b => b <= results).SelectMany(b => d[Conversion].Where(c => c <= b && c <= ordinary).Select(c => (c, b))).ToList();
                                        if (conversions.Count == 0)
                                        {
                                            continue;
                                        }

                                        foreach (var (c, b) in conversions)
                                        {
                                            consistent[Conversion].Add(c);
                                            consistent[ConversionBase].Add(b);
                                        }

                                        consistent[Reach].Add(reach);
                                        consistent[ReachBase].UnionWith(d[ReachBase]);
                                        consistent[FollowUp6].Add(followUp6);
                                        consistent[SelfSupporting6].Add(self6);
                                        consistent[OrdinaryJob].Add(ordinary);
                                        consistent[FlexJob].Add(flex);
                                        consistent[Education].Add(education);
                                        consistent[WorkOrEducation].Add(work);
                                        consistent[BackOnBenefits].Add(benefits);
                                        consistent[DroppedOut].Add(dropped);
                                        consistent[EndResults].Add(results);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>The published formula (YieldFigures.RawScore and Score), term by term in the same order.</summary>
    private bool ScoreMatches(double score, double known, int reach, int work, int self6, int basis)
    {
        var raw = known + (weights.PerFarFromMarketPlacement * reach) + (weights.PerOrdinaryWorkOrEducation * work) + (weights.PerSelfSupportingAfter6Months * self6);
        return Math.Abs(YieldFigures.Published((decimal)raw * weights.PerEmployees / basis, 2) - score) < 1e-9;
    }
}
