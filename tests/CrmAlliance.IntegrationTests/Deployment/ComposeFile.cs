using System.Text.RegularExpressions;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using YamlDotNet.RepresentationModel;

namespace CrmAlliance.IntegrationTests.Deployment;

/// <summary>
/// docker-compose.yml as Compose reads it: YAML with its merge keys (<c>&lt;&lt;: *anchor</c>) resolved, the
/// <c>x-</c> extension fields left out, and variables substituted as <c>${VAR:-default}</c> gives them when unset.
/// </summary>
public sealed partial class ComposeFile
{
    public const string ApiDockerfile = "src/CrmAlliance.Api/Dockerfile";
    public const string WorkerDockerfile = "src/CrmAlliance.Matching.Worker/Dockerfile";

    private ComposeFile(string text, IReadOnlyDictionary<string, ComposeService> services)
    {
        Text = text;
        Services = services;
    }

    public string Text { get; }

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    public static ComposeFile Load() => Parse(File.ReadAllText(Path.Combine(Snapshots.RepositoryRoot(), "docker-compose.yml")));

    public static ComposeFile Parse(string text)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(text))
        {
            stream.Load(reader);
        }

        var root = ResolveMerges((YamlMappingNode)stream.Documents[0].RootNode);
        var services = ((YamlMappingNode)root["services"]).Children
            .ToDictionary(entry => Scalar(entry.Key), entry => new ComposeService(Scalar(entry.Key), (YamlMappingNode)entry.Value), StringComparer.Ordinal);
        return new ComposeFile(text, services);
    }

    /// <summary>The services <c>docker compose --profile <paramref name="profile"/> up</c> starts.</summary>
    public IReadOnlyList<ComposeService> Active(string profile) => Services.Values.Where(s => s.Profiles.Contains(profile)).ToList();

    /// <summary>The variable names this file requires (<c>${NAME:?message}</c>) and every name it uses.</summary>
    public (IReadOnlySet<string> Required, IReadOnlyList<(string Name, string Form)> Uses) Variables()
    {
        var uses = VariablePattern().Matches(Text).Select(m => (m.Groups["name"].Value, m.Groups["form"].Value)).ToList();
        return (uses.Where(u => u.Item2.StartsWith(":?", StringComparison.Ordinal)).Select(u => u.Item1).ToHashSet(), uses);
    }

    /// <summary>A value as the host sees it when the variables are unset: the default after <c>:-</c>, else a sample.</summary>
    public static string Substitute(string value) => VariablePattern().Replace(value, m =>
        m.Groups["form"].Value.StartsWith(":-", StringComparison.Ordinal) ? m.Groups["form"].Value[2..] : "sample");

    internal static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    /// <summary>
    /// YAML's merge keys as Compose applies them: a mapping's own keys win over merged ones, and of several merged
    /// mappings (<c>&lt;&lt;: [*a, *b]</c>) the earlier wins. (YamlDotNet's MergingParser keeps both copies of a key.)
    /// </summary>
    private static YamlMappingNode ResolveMerges(YamlMappingNode mapping)
    {
        var resolved = new YamlMappingNode();
        foreach (var (key, value) in mapping.Children.Where(c => Scalar(c.Key) != MergeKey))
        {
            resolved.Add(key, value switch
            {
                YamlMappingNode child => ResolveMerges(child),
                YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(c => c is YamlMappingNode m ? ResolveMerges(m) : c)),
                _ => value,
            });
        }

        var merged = mapping.Children.FirstOrDefault(c => Scalar(c.Key) == MergeKey).Value;
        foreach (var source in merged switch { YamlSequenceNode list => list.Children, YamlMappingNode single => [single], _ => [] })
        {
            foreach (var (key, value) in ResolveMerges((YamlMappingNode)source).Children.Where(c => !resolved.Children.ContainsKey(c.Key)))
            {
                resolved.Add(key, value);
            }
        }

        return resolved;
    }

    private const string MergeKey = "<<";

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<form>[^}]*)\}")]
    private static partial Regex VariablePattern();
}

/// <summary>One service of <see cref="ComposeFile"/>.</summary>
public sealed class ComposeService(string name, YamlMappingNode node)
{
    public string Name { get; } = name;

    public YamlMappingNode Node { get; } = node;

    public IReadOnlyList<string> Profiles => Sequence("profiles");

    public IReadOnlyList<string> Command => Sequence("command");

    public IReadOnlyList<string> Ports => Sequence("ports");

    public string? Dockerfile => Child(Node, "build") is YamlMappingNode build && Child(build, "dockerfile") is { } file ? ComposeFile.Scalar(file) : null;

    public bool IsApiReplica => Dockerfile == ComposeFile.ApiDockerfile && !Command.Contains("migrate");

    public bool IsMigration => Dockerfile == ComposeFile.ApiDockerfile && Command.Contains("migrate");

    public bool IsWorker => Dockerfile == ComposeFile.WorkerDockerfile;

    /// <summary>The environment as written (variables not substituted).</summary>
    public IReadOnlyDictionary<string, string> Environment => Child(Node, "environment") is YamlMappingNode environment
        ? environment.Children.ToDictionary(e => ComposeFile.Scalar(e.Key), e => ComposeFile.Scalar(e.Value), StringComparer.Ordinal)
        : new Dictionary<string, string>();

    /// <summary>depends_on: service → (condition, required).</summary>
    public IReadOnlyDictionary<string, (string Condition, bool Required)> DependsOn => Child(Node, "depends_on") is YamlMappingNode dependencies
        ? dependencies.Children.ToDictionary(
            d => ComposeFile.Scalar(d.Key),
            d => (Child((YamlMappingNode)d.Value, "condition") is { } c ? ComposeFile.Scalar(c) : "service_started",
                  Child((YamlMappingNode)d.Value, "required") is not { } r || ComposeFile.Scalar(r) != "false"))
        : new Dictionary<string, (string, bool)>();

    public IReadOnlyList<string> Aliases => Child(Node, "networks") is YamlMappingNode networks && Child(networks, "default") is YamlMappingNode network && Child(network, "aliases") is YamlSequenceNode aliases
        ? aliases.Children.Select(ComposeFile.Scalar).ToList()
        : [];

    public YamlMappingNode? HealthCheck => Child(Node, "healthcheck") as YamlMappingNode;

    private List<string> Sequence(string key) => Child(Node, key) is YamlSequenceNode sequence ? sequence.Children.Select(ComposeFile.Scalar).ToList() : [];

    internal static YamlNode? Child(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
}
