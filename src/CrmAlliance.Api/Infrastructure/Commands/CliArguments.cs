using System.Globalization;

namespace CrmAlliance.Api.Infrastructure.Commands;

/// <summary>
/// The options after a command's name: <c>--name value</c> or <c>--name=value</c>, and bare positional values.
/// Reading an option marks it used; <see cref="EnsureAllUsed"/> refuses options the command does not know.
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase);

    public CliArguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(arg);
                continue;
            }

            var body = arg[2..];
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                options[body[..equals]] = body[(equals + 1)..];
            }
            else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[body] = list[++i];
            }
            else
            {
                options[body] = null;
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool HasFlag(string name)
    {
        used.Add(name);
        return options.ContainsKey(name);
    }

    public string? GetString(string name)
    {
        used.Add(name);
        return options.TryGetValue(name, out var value) ? value : null;
    }

    public int GetInt(string name, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
        => (int)GetLong(name, defaultValue, min, max);

    public long GetLong(string name, long defaultValue, long min = long.MinValue, long max = long.MaxValue)
    {
        var text = GetString(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new CliUsageException($"--{name} must be a whole number, not '{text}'.");
        }

        if (value < min || value > max)
        {
            throw new CliUsageException($"--{name} must be between {min:N0} and {max:N0}; got {value:N0}.");
        }

        return value;
    }

    /// <summary>Refuses options the command never read (usually a typo).</summary>
    public void EnsureAllUsed()
    {
        var unknown = options.Keys.Where(k => !used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"Unknown option{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}
