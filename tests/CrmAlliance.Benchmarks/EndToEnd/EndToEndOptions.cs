namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>
/// <c>--end-to-end [--rate 50] [--seconds 60] [--warm-up 15] [--candidates 20000] [--messages 5000]</c>:
/// vacancies per second, measured seconds (after the warm-up seconds, whose vacancies are not counted), the
/// candidate pool, and the messages of each publish comparison. The warm-up is 15 s: after 5 s the next 10 s still
/// ran several times slower at the tail (a fresh process: code not yet tiered up, caches cold), which is not the
/// steady state a long-running Api is in.
/// </summary>
public sealed record EndToEndOptions(double Rate, int Seconds, int WarmUpSeconds, int Candidates, int Messages)
{
    public const string Switch = "--end-to-end";

    public int WarmUpVacancies => (int)Math.Round(Rate * WarmUpSeconds);

    public int MeasuredVacancies => (int)Math.Round(Rate * Seconds);

    public static EndToEndOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EndToEndOptions(50, 60, 15, 20_000, 5_000);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == Switch)
            {
                continue;
            }

            if (i + 1 >= args.Count || !double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                throw new ArgumentException($"{args[i]} needs a number (0 or more) after it.");
            }

            options = args[i] switch
            {
                "--rate" => options with { Rate = value },
                "--seconds" => options with { Seconds = (int)value },
                "--warm-up" => options with { WarmUpSeconds = (int)value },
                "--candidates" => options with { Candidates = (int)value },
                "--messages" => options with { Messages = (int)value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --rate, --seconds, --warm-up, --candidates or --messages."),
            };
            i++;
        }

        return options.Rate > 0 && options.Seconds > 0 && options.Candidates > 0 && options.Messages > 0
            ? options
            : throw new ArgumentException("--rate, --seconds, --candidates and --messages must be above 0.");
    }
}
