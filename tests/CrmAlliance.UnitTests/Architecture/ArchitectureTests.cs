using NetArchTest.Rules;

namespace CrmAlliance.UnitTests.Architecture;

/// <summary>
/// The map of the code, kept by the build. Read it top to bottom:
/// <list type="bullet">
/// <item><c>Core/</c>: the actor, errors, paging, periods and validation every feature uses; it knows nothing else.</item>
/// <item><c>Infrastructure/</c>: database, messaging (bus, outbox, inbox), the GraphQL endpoint, commands, HTTP helpers.
/// It knows no feature; only <c>CrmDbContext</c> names the features' entities for its DbSets.</item>
/// <item><c>Features/&lt;X&gt;/</c>: one folder per capability with its rules, handlers and queries. Its GraphQL
/// adapter lives in <c>Features/&lt;X&gt;/Graph/</c> (or beside the sub-feature it adapts, e.g. <c>Import/Graph/</c>),
/// and its registration in <c>&lt;X&gt;Module.cs</c>. No feature's core code uses any <c>Graph</c> namespace;
/// the Graph adapters may use each other, since the schema is one graph. Its web pages live in
/// <c>Features/&lt;X&gt;/Pages/</c>, adapters like the Graph types.</item>
/// <item><c>Web/</c>: the web UI's frame (App, routes, layout, shared components, texts); it knows no feature, and no
/// feature's core code knows it.</item>
/// <item>Features use each other only along <see cref="MayUse"/>, which has no cycle.</item>
/// </list>
/// </summary>
public sealed class ArchitectureTests
{
    private const string Api = "CrmAlliance.Api";
    private const string Features = Api + ".Features";

    /// <summary>Which other features a feature's core code may use. Lower features never use higher ones.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>
    {
        // Reference data (occupations, industries, postcodes) and the companies everything hangs on.
        ["ReferenceData"] = [],
        ["Audit"] = [],
        ["Companies"] = ["ReferenceData", "Audit"],
        // Users belong to a company when they are company users; Accounts answers Companies' IConsultantDirectory.
        ["Accounts"] = ["Companies"],
        // The candidate and outcome imports report their lines with the company import's report types.
        ["Candidates"] = ["ReferenceData", "Companies", "Audit"],
        ["Vacancies"] = ["ReferenceData", "Companies"],
        ["Pledges"] = ["Companies"],
        ["ContactLogs"] = ["Companies"],
        ["Placements"] = ["Companies", "Candidates", "Vacancies"],
        // The vacancies awaiting a consultant's decision are those of the companies the consultant is responsible for.
        ["Matches"] = ["Companies", "Candidates", "Vacancies", "Placements", "Audit"],
        // The outcome import runs as a command line with an Admin's account.
        ["Outcomes"] = ["ReferenceData", "Accounts", "Companies", "Candidates", "Placements", "Audit"],
        // Readers of everything below them.
        ["Yield"] = ["ReferenceData", "Accounts", "Companies", "Candidates", "Vacancies", "Pledges", "ContactLogs", "Placements", "Outcomes"],
        // A company's one timeline reads the features whose rows it lists.
        ["Timeline"] = ["Companies", "ContactLogs", "Vacancies", "Pledges", "Placements", "Outcomes"],
        ["Exports"] = ["ReferenceData", "Accounts", "Companies", "Candidates", "Vacancies", "Pledges", "ContactLogs", "Placements", "Outcomes", "Yield", "Audit"],
        // Retention erases candidates across their placements, outcomes and match suggestions, and contact persons' names on statements.
        ["Retention"] = ["Accounts", "Companies", "Candidates", "Vacancies", "Placements", "Matches", "Outcomes", "Audit"],
        // The demo data is written through the features' own rules (and reads the yield's default definitions to make its cohorts count as the yield counts them).
        ["Demo"] = ["ReferenceData", "Accounts", "Companies", "Candidates", "Vacancies", "Pledges", "ContactLogs", "Placements", "Outcomes", "Yield"],
    };

    private static readonly System.Reflection.Assembly ApiAssembly = typeof(Program).Assembly;

    [Fact]
    public void Every_feature_folder_is_on_the_map()
    {
        var features = ApiAssembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(Features + ".", StringComparison.Ordinal))
            .Select(n => n[(Features.Length + 1)..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(MayUse.Keys.Order(StringComparer.Ordinal), features);
    }

    [Fact]
    public void The_map_has_no_cycle()
    {
        var placed = new List<string>();
        var left = MayUse.Keys.ToList();
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(f => MayUse[f].All(placed.Contains));
            Assert.True(next is not null, "The features' map has a cycle among: " + string.Join(", ", left));
            placed.Add(next);
            left.Remove(next);
        }
    }

    [Fact]
    public void Core_uses_nothing_of_features_or_infrastructure()
        => AssertKept(Types.InAssembly(ApiAssembly).That().ResideInNamespace(Api + ".Core")
            .ShouldNot().HaveDependencyOnAny(Features, Api + ".Infrastructure"));

    [Fact]
    public void Infrastructure_knows_no_feature_except_the_DbSets_of_the_context()
        => AssertKept(Types.InAssembly(ApiAssembly).That().ResideInNamespace(Api + ".Infrastructure")
            .And().DoNotHaveNameMatching("^(Sqlite|SqlServer)?CrmDbContext$")
            .ShouldNot().HaveDependencyOn(Features));

    [Fact]
    public void No_feature_core_uses_a_Graph_namespace()
    {
        var graphNamespaces = ApiAssembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.EndsWith(".Graph", StringComparison.Ordinal))
            .Distinct()
            .ToArray();
        Assert.NotEmpty(graphNamespaces);

        AssertKept(FeatureCore(Features)
            .ShouldNot().HaveDependencyOnAny(graphNamespaces));
    }

    [Fact]
    public void No_feature_core_uses_the_web_UI()
    {
        var pageNamespaces = ApiAssembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(Features + ".", StringComparison.Ordinal) && n.EndsWith(".Pages", StringComparison.Ordinal))
            .Distinct()
            .ToArray();
        Assert.NotEmpty(pageNamespaces);

        AssertKept(FeatureCore(Features).ShouldNot().HaveDependencyOnAny([Api + ".Web", .. pageNamespaces]));
    }

    [Fact]
    public void The_web_UI_frame_knows_no_feature()
        => AssertKept(Types.InAssembly(ApiAssembly).That().ResideInNamespace(Api + ".Web")
            .ShouldNot().HaveDependencyOnAny(Features, Api + ".Infrastructure"));

    [Theory]
    [MemberData(nameof(FeatureNames))]
    public void A_feature_uses_only_the_features_the_map_allows(string feature)
    {
        var forbidden = MayUse.Keys
            .Where(other => other != feature && !MayUse[feature].Contains(other))
            // A namespace: it also covers the feature's sub-namespaces (Import, Rules, Graph …).
            .Select(other => $"{Features}.{other}")
            .ToArray();
        if (forbidden.Length == 0)
        {
            return;
        }

        AssertKept(FeatureCore($"{Features}.{feature}").ShouldNot().HaveDependencyOnAny(forbidden));
    }

    [Fact]
    public void Contracts_depend_on_nothing_of_ours_nor_on_a_framework()
        => AssertKept(Types.InAssembly(typeof(Contracts.VacancyPosted).Assembly)
            .ShouldNot().HaveDependencyOnAny(Api, "CrmAlliance.Matching", "MassTransit", "Microsoft.EntityFrameworkCore", "GraphQL"));

    [Fact]
    public void The_matching_engine_knows_nothing_of_the_Api()
        => AssertKept(Types.InAssembly(typeof(Matching.MatchingRegistration).Assembly)
            .ShouldNot().HaveDependencyOnAny(Api, "Microsoft.EntityFrameworkCore", "GraphQL"));

    public static TheoryData<string> FeatureNames() => [.. MayUse.Keys];

    /// <summary>A feature's own code: everything in its namespace but its GraphQL and web adapters and its registration module.</summary>
    private static PredicateList FeatureCore(string featureNamespace)
        => Types.InAssembly(ApiAssembly).That().ResideInNamespace(featureNamespace)
            .And().DoNotResideInNamespaceMatching(@"\.(Graph|Pages)(\.|$)")
            .And().DoNotHaveNameEndingWith("Module");

    private static void AssertKept(ConditionList rule)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, "Breaks the map: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
