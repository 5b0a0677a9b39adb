namespace CrmAlliance.Api.Features.Accounts.Email;

/// <summary>Sends the queued account e-mails one at a time through the configured transport.</summary>
public sealed class EmailDispatchService(EmailQueue queue, IMailTransport transport, ILogger<EmailDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var email in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(email, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is lost, as a reset code may be; the person asks again.
        }
    }

    private async Task SendAsync(QueuedEmail email, CancellationToken stoppingToken)
    {
        try
        {
            await transport.SendAsync(email.Message, stoppingToken);
            logger.LogInformation("Sent a {Kind} e-mail to user {UserId}.", email.Kind, email.UserId);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // One e-mail that cannot be sent must not stop the others. The exception's message, not the exception:
            // a stack trace here is noise, and MailKit's messages quote the server's reply, never the e-mail's body.
            logger.LogError("Could not send a {Kind} e-mail to user {UserId}: {Error}", email.Kind, email.UserId, ex.Message);
        }
    }
}
