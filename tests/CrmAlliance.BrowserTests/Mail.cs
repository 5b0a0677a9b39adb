namespace CrmAlliance.BrowserTests;

/// <summary>The e-mails the app wrote as .eml files into the host's pickup folder (no SMTP host in the tests).</summary>
public static class Mail
{
    /// <summary>The link of the newest reset or invitation e-mail to <paramref name="email"/>, waiting up to 10 s for it to be written.</summary>
    public static async Task<Uri> LinkSentToAsync(WebHost host, string email)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var files = Directory.Exists(host.MailFolder) ? Directory.GetFiles(host.MailFolder, "*.eml") : [];
            foreach (var file in files.OrderByDescending(File.GetLastWriteTimeUtc))
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == email))
                {
                    // The link stands alone on an indented line.
                    return new Uri((message.TextBody ?? "").Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("http", StringComparison.Ordinal)));
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No e-mail to {email} in {host.MailFolder}.");
    }

    /// <summary>The code in that link (its <c>kode</c> parameter).</summary>
    public static async Task<string> CodeSentToAsync(WebHost host, string email)
        => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery((await LinkSentToAsync(host, email)).Query)["kode"].ToString();
}
