extern alias api;
using api::CrmAlliance.Api.Core;
using api::CrmAlliance.Api.Features.ReferenceData;
using api::CrmAlliance.Api.Features.ReferenceData.Search;
using BenchmarkDotNet.Attributes;

namespace CrmAlliance.Benchmarks.ReferenceData;

/// <summary>
/// One typeahead search over the Danish classifications (a pass over ~1,200 occupations or ~1,700 industries), and
/// the one-time start-up cost of loading the lists and preparing the titles.
/// <code>dotnet run -c Release --project tests/CrmAlliance.Benchmarks -- --filter '*ReferenceSearch*' --job short --memory</code>
/// </summary>
public class ReferenceSearchBenchmarks
{
    private readonly ReferenceCatalog _catalog = new();
    private OccupationSearch _occupations = null!;
    private IndustrySearch _industries = null!;

    [GlobalSetup]
    public void Prepare()
    {
        _occupations = new OccupationSearch(_catalog);
        _industries = new IndustrySearch(_catalog);
    }

    [Benchmark]
    public Page<Occupation> OccupationsSvejs() => _occupations.Search(new ReferenceSearchRequest("svejs", First: 20));

    [Benchmark]
    public Page<Occupation> OccupationsSosuAssistent() => _occupations.Search(new ReferenceSearchRequest("sosu assistent", First: 20));

    [Benchmark]
    public Page<Occupation> OccupationsCode() => _occupations.Search(new ReferenceSearchRequest("5223", First: 20));

    [Benchmark]
    public Page<Industry> IndustriesLager() => _industries.Search(new ReferenceSearchRequest("lager", First: 20));

    [Benchmark]
    public Page<Occupation> OccupationsLongestQuery() => _occupations.Search(new ReferenceSearchRequest(string.Join(' ', Enumerable.Repeat("abcdefghi", 10)), First: 20));

    [Benchmark]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet runs benchmarks as instance methods.")]
    public (OccupationSearch, IndustrySearch) StartUpLoadAndPrepare()
    {
        var catalog = new ReferenceCatalog();
        return (new OccupationSearch(catalog), new IndustrySearch(catalog));
    }
}
