using System.Text;

namespace CrmAlliance.Api.Infrastructure.Commands;

/// <summary>
/// A writer that hands each completed line to <paramref name="log"/>: progress written for a terminal
/// (<see cref="TerminalProgress"/>) goes to the log when the work runs inside the host, e.g. a rebuild at start-up.
/// Carriage returns are dropped, so Windows line ends give the same lines.
/// </summary>
public sealed class LineLogWriter(Action<string> log) : TextWriter
{
    private readonly StringBuilder pending = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Flush();
        }
        else if (value != '\r')
        {
            pending.Append(value);
        }
    }

    /// <summary>Logs what was written since the last line end, if anything.</summary>
    public override void Flush()
    {
        if (pending.Length > 0)
        {
            log(pending.ToString());
            pending.Clear();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
