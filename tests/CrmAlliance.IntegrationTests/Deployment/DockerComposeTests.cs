using System.Text.RegularExpressions;
using CrmAlliance.Api.Features.Accounts.Email;
using CrmAlliance.Api.Features.Retention;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Bus;
using CrmAlliance.Bus.Telemetry;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.Matching;
using CrmAlliance.Matching.Engine;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace CrmAlliance.IntegrationTests.Deployment;

/// <summary>
/// No Docker engine runs here or in CI, so docker-compose.yml is checked by construction: parsed, and held against
/// the code it configures (the options classes and the keys the hosts read), deploy/Caddyfile and .env.example.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly Dictionary<string, (string Database, string Provider)> Profiles = new()
    {
        ["postgres"] = ("postgres", "PostgreSql"),
        ["sqlserver"] = ("sqlserver", "SqlServer"),
    };

    /// <summary>Read by ASP.NET Core's host itself, not by our code.</summary>
    private static readonly HashSet<string> HostSettings = ["ASPNETCORE_ENVIRONMENT"];

    private readonly ComposeFile compose = ComposeFile.Load();

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlserver")]
    public void A_profile_runs_its_database_two_Api_replicas_behind_the_proxy_two_workers_and_RabbitMQ(string profile)
    {
        var active = compose.Active(profile);
        var (database, provider) = Profiles[profile];
        var names = active.Select(s => s.Name).ToHashSet();
        Assert.Contains(database, names);
        Assert.Single(Profiles.Values, p => names.Contains(p.Database));
        Assert.Contains("rabbitmq", names);
        Assert.Contains("proxy", names);

        var replicas = active.Where(s => s.IsApiReplica).ToList();
        Assert.Equal(new[] { "api-1", "api-2" }, replicas.SelectMany(r => r.Aliases).Order());
        var migration = Assert.Single(active, s => s.IsMigration);
        foreach (var host in replicas.Append(migration))
        {
            Assert.Equal(provider, host.Environment["Database__Provider"]);
            Assert.Matches($"^(Host|Server)={database};", host.Environment["ConnectionStrings__Crm"]);
        }

        // The one-shot migration goes first; the replicas do not migrate and wait for it.
        Assert.Equal(("service_healthy", true), migration.DependsOn[database]);
        Assert.All(replicas, r =>
        {
            Assert.Equal("false", r.Environment["Database__MigrateOnStart"]);
            Assert.Equal(("service_completed_successfully", true), r.DependsOn[migration.Name]);
            Assert.Equal(("service_healthy", true), r.DependsOn[database]);
            Assert.Equal(("service_healthy", true), r.DependsOn["rabbitmq"]);
            Assert.Empty(r.Ports);
        });

        var workers = active.Where(s => s.IsWorker).ToList();
        Assert.Equal(2, workers.Count);
        Assert.Equal(2, workers.Select(w => w.Environment["Matching__InstanceName"]).Distinct().Count());
        Assert.All(workers, w => Assert.Equal(("service_healthy", true), w.DependsOn["rabbitmq"]));

        // As Compose checks a project: a dependency outside the profile must be optional.
        Assert.All(active, s => Assert.All(s.DependsOn, d => Assert.True(names.Contains(d.Key) || !d.Value.Required, $"{s.Name} needs {d.Key}, which {profile} does not start")));
        // Only the proxy publishes a port to the world (RabbitMQ's management UI on loopback only).
        Assert.All(active.Where(s => s.Name != "proxy").SelectMany(s => s.Ports), port => Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_profile_nothing_starts()
        => Assert.All(compose.Services.Values, s => Assert.NotEmpty(s.Profiles));

    [Fact]
    public void Every_service_has_a_health_check_or_is_a_one_shot_its_dependents_wait_out()
    {
        foreach (var service in compose.Services.Values)
        {
            var check = service.HealthCheck;
            Assert.True(check is not null, $"{service.Name} has no healthcheck");
            if (ComposeService.Child(check, "disable") is { } disabled && ComposeFile.Scalar(disabled) == "true")
            {
                var dependents = compose.Services.Values.Where(s => s.DependsOn.ContainsKey(service.Name)).ToList();
                Assert.NotEmpty(dependents);
                Assert.All(dependents, d => Assert.Equal("service_completed_successfully", d.DependsOn[service.Name].Condition));
                continue;
            }

            var test = Assert.IsType<YamlSequenceNode>(ComposeService.Child(check, "test"), exactMatch: false);
            Assert.Contains(ComposeFile.Scalar(test.Children[0]), new[] { "CMD", "CMD-SHELL" });
        }

        // The Api's and the worker's checks ask for the path both hosts map.
        var readyPath = "/health/ready";
        Assert.All(compose.Services.Values.Where(s => s.IsApiReplica || s.IsWorker), s => Assert.Contains($"localhost:8080{readyPath}", string.Join(" ", ((YamlSequenceNode)ComposeService.Child(s.HealthCheck!, "test")!).Children.Select(ComposeFile.Scalar)), StringComparison.Ordinal));
        Assert.Contains(readyPath, SourceLiterals("src/CrmAlliance.Api"));
        Assert.Contains(readyPath, SourceLiterals("src/CrmAlliance.Matching.Worker"));
    }

    [Fact]
    public void Every_required_secret_is_demanded_with_a_message_and_listed_in_the_env_example()
    {
        var (required, uses) = compose.Variables();
        var example = File.ReadAllText(Path.Combine(Snapshots.RepositoryRoot(), ".env.example")).ReplaceLineEndings("\n");
        var requiredSection = example[example.IndexOf("--- Required ---", StringComparison.Ordinal)..example.IndexOf("--- Optional", StringComparison.Ordinal)];
        var listed = RequiredExamplePattern().Matches(requiredSection).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Equal(listed.Order(), required.Order());
        // Each use of a required secret demands it: a bare ${NAME} would be an empty password where it is forgotten.
        Assert.All(uses.Where(u => required.Contains(u.Name)), u => Assert.Matches("^:\\?.+", u.Form));
        // No password or key is written into the file itself.
        Assert.All(
            compose.Services.Values.SelectMany(s => s.Environment).Where(e => SecretName().IsMatch(e.Key)),
            e => Assert.Contains("${", e.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_Api_and_worker_setting_is_one_the_code_reads()
    {
        var apiClasses = new Dictionary<string, Type[]>
        {
            [BusOptions.Section] = [typeof(BusOptions)],
            [TelemetryOptions.Section] = [typeof(TelemetryOptions)],
            [MatchingServiceOptions.Section] = [typeof(MatchingServiceOptions), typeof(MatchingOptions)],
            [EmailOptions.Section] = [typeof(EmailOptions)],
            [OutboxOptions.Section] = [typeof(OutboxOptions)],
            [RetentionOptions.Section] = [typeof(RetentionOptions)],
        };
        var workerClasses = apiClasses.Where(c => c.Key is BusOptions.Section or TelemetryOptions.Section or MatchingServiceOptions.Section).ToDictionary();
        var apiKeys = SourceLiterals("src/CrmAlliance.Api", "src/CrmAlliance.Bus", "src/CrmAlliance.Matching");
        var workerKeys = SourceLiterals("src/CrmAlliance.Matching.Worker", "src/CrmAlliance.Bus", "src/CrmAlliance.Matching");

        var problems = new List<string>();
        foreach (var service in compose.Services.Values.Where(s => s.Dockerfile is not null))
        {
            var (classes, literals) = service.IsWorker ? (workerClasses, workerKeys) : (apiClasses, apiKeys);
            foreach (var (name, value) in service.Environment)
            {
                if (UnreadSetting(name, ComposeFile.Substitute(value), classes, literals) is { } problem)
                {
                    problems.Add($"{service.Name}: {name}: {problem}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_proxy_balances_both_Api_replicas_and_keeps_the_candidate_snapshot_internal()
    {
        var proxy = compose.Services["proxy"];
        Assert.Contains("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro", ((YamlSequenceNode)ComposeService.Child(proxy.Node, "volumes")!).Children.Select(ComposeFile.Scalar));
        var caddyfile = File.ReadAllText(Path.Combine(Snapshots.RepositoryRoot(), "deploy", "Caddyfile"));
        var upstreams = Assert.Single(ReverseProxyPattern().Matches(caddyfile)).Groups["upstreams"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "api-1:8080", "api-2:8080" }, upstreams);
        Assert.Contains("ENV Urls=http://+:8080", File.ReadAllText(Path.Combine(Snapshots.RepositoryRoot(), ComposeFile.ApiDockerfile)), StringComparison.Ordinal);
        Assert.Contains("health_uri /health/ready", caddyfile, StringComparison.Ordinal);

        // The published port is the public site, which refuses the snapshot; the workers read it on the internal one.
        var published = Assert.Single(proxy.Ports);
        Assert.EndsWith(":80", published, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^:80 \{\n(\t.*\n)*\trespond /matching/\* 404\n", caddyfile.ReplaceLineEndings("\n"));
        var snapshotPath = "/matching/candidate-snapshot";
        Assert.Contains(snapshotPath, SourceLiterals("src/CrmAlliance.Api"));
        Assert.All(compose.Services.Values.Where(s => s.IsWorker), w =>
        {
            var url = new Uri(w.Environment["Matching__SnapshotUrl"]);
            Assert.Equal(("proxy", snapshotPath), (url.Host, url.AbsolutePath));
            Assert.Matches($"(?m)^:{url.Port} \\{{", caddyfile);
            Assert.DoesNotContain(proxy.Ports, p => p.EndsWith($":{url.Port}", StringComparison.Ordinal));
        });
    }

    /// <summary>Why the host would not read <paramref name="name"/>, or null when it does.</summary>
    private static string? UnreadSetting(string name, string value, Dictionary<string, Type[]> classes, HashSet<string> literals)
    {
        if (HostSettings.Contains(name))
        {
            return null;
        }

        var key = name.Replace("__", ":", StringComparison.Ordinal);
        var section = key.Split(':')[0];
        var errors = new List<string>();
        foreach (var type in classes.GetValueOrDefault(section) ?? [])
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
            try
            {
                configuration.GetSection(section).Get(type, o => o.ErrorOnUnknownConfiguration = true);
                return null;
            }
            catch (InvalidOperationException e)
            {
                errors.Add($"{type.Name}: {e.Message}");
            }
        }

        // Read directly (configuration["Database:Provider"], GetConnectionString("Crm"), a list of values: Key:0 …).
        var direct = ArrayIndexSuffix().Replace(key, "");
        return literals.Contains(direct) ? null : errors.Count > 0 ? string.Join("; ", errors) : "no options class binds it and no code reads it";
    }

    /// <summary>The string literals of the C# sources under <paramref name="folders"/>, with <c>GetConnectionString("X")</c> as <c>ConnectionStrings:X</c>.</summary>
    private static HashSet<string> SourceLiterals(params string[] folders)
    {
        var literals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(Snapshots.RepositoryRoot(), f), "*.cs", SearchOption.AllDirectories)))
        {
            var source = File.ReadAllText(file);
            literals.UnionWith(StringLiteral().Matches(source).Select(m => m.Groups[1].Value));
            literals.UnionWith(ConnectionStringName().Matches(source).Select(m => "ConnectionStrings:" + m.Groups[1].Value));
        }

        return literals;
    }

    [GeneratedRegex(@"(?m)^([A-Z][A-Z0-9_]*)=")]
    private static partial Regex RequiredExamplePattern();

    [GeneratedRegex("(?i)pass|key|secret")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?m)^\s*reverse_proxy (?<upstreams>[^{\n]+?)\s*\{")]
    private static partial Regex ReverseProxyPattern();

    [GeneratedRegex(@":\d+$")]
    private static partial Regex ArrayIndexSuffix();

    [GeneratedRegex("\"([^\"\\\\\\r\\n]*)\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("GetConnectionString\\(\"([^\"]+)\"\\)")]
    private static partial Regex ConnectionStringName();
}
