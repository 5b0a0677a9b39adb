using System.Threading.Channels;
using MimeKit;

namespace CrmAlliance.Api.Features.Accounts.Email;

/// <summary>
/// Account e-mails wait here for <see cref="EmailDispatchService"/>, so that a request never waits for a mail server:
/// /auth/forgotPassword then takes as long for an address with an account as for one without. Bounded: a flood of
/// requests cannot grow memory; past the bound an e-mail is dropped and logged (the person asks again).
/// </summary>
public sealed class EmailQueue
{
    public const int Capacity = 1_000;

    private readonly Channel<QueuedEmail> _channel = Channel.CreateBounded<QueuedEmail>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public bool TryEnqueue(QueuedEmail email) => _channel.Writer.TryWrite(email);

    public ChannelReader<QueuedEmail> Reader => _channel.Reader;
}

/// <summary>An e-mail to send, with what the log may say about it (never its content or address).</summary>
public sealed record QueuedEmail(MimeMessage Message, string Kind, string UserId);
