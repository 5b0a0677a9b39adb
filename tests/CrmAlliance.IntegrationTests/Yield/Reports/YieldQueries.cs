using System.Text.Json.Nodes;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

/// <summary>The GraphQL documents the report tests send, and small readers of their answers.</summary>
public static class YieldQueries
{
    public const string Fragments = """
        fragment R on YieldRate { count base rate suppressed }
        fragment C on YieldCount { value suppressed }
        fragment M on YieldMeasures {
          vacanciesPosted positionsOffered placementsStarted placementDays placementWeeks reach { ...R }
          placementsEnded endedEarly workOrEducation { ...R }
          endedOrdinaryJob { ...C } endedFlexJob { ...C } endedEducation { ...C } endedBackOnBenefits { ...C } endedDroppedOut { ...C }
          selfSupportingAfter1Month { ...R } selfSupportingAfter3Months { ...R } selfSupportingAfter6Months { ...R } selfSupportingAfter12Months { ...R }
          conversion { ...R } freeLabourRisk contacts placementsPerContact pledged pledgeFulfilment active
        }
        """;

    public const string PositionFragment = """
        fragment P on YieldPosition { group rank of label percentile medianScore medianSuppressed }
        """;

    public const string PartnerYield = Fragments + PositionFragment + """
        query($id: ID!, $period: String!, $kind: OfferKind, $group: TargetGroup) {
          partnerYield(companyId: $id, period: $period, offerKind: $kind, targetGroup: $group) {
            company { id name industrySection sizeBand ordinaryEmployees membershipStatus }
            period offerKind targetGroup definitionVersion suppressionThreshold
            measures { ...M }
            byOfferKind { offerKind vacanciesPosted positionsOffered placementsStarted placementWeeks pledged fulfilment }
            score scoreSuppressed scoreBasisEmployees
            overall { ...P } inIndustrySection { ...P } inSizeBand { ...P }
          }
        }
        """;

    public static int Int(this JsonNode? node, string path) => node.At(path)!.GetValue<int>();

    public static double Double(this JsonNode? node, string path) => node.At(path)!.GetValue<double>();

    public static string Text(this JsonNode? node, string path) => node.At(path)!.GetValue<string>();

    public static bool Bool(this JsonNode? node, string path) => node.At(path)!.GetValue<bool>();

    /// <summary>The node at a dotted path ("measures.reach.count"); null when any step is null.</summary>
    public static JsonNode? At(this JsonNode? node, string path)
    {
        foreach (var step in path.Split('.'))
        {
            node = int.TryParse(step, out var index) ? node?.AsArray()[index] : node?[step];
        }

        return node;
    }

    /// <summary>Asserts a YieldRate's count, base and rate (rate null when the base is 0), not suppressed.</summary>
    public static void AssertRate(JsonNode? rate, int count, int @base)
    {
        Assert.False(rate.Bool("suppressed"), rate?.ToJsonString());
        Assert.Equal(count, rate.Int("count"));
        Assert.Equal(@base, rate.Int("base"));
        if (@base == 0)
        {
            Assert.Null(rate.At("rate"));
        }
        else
        {
            Assert.Equal((double)count / @base, rate.Double("rate"), 6);
        }
    }

    public static List<string> Names(this JsonNode? connection, string nodePath = "company.name")
        => connection!["edges"]!.AsArray().Select(e => e!["node"].Text(nodePath)).ToList();
}
