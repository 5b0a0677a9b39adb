using MimeKit;

namespace CrmAlliance.Api.Features.Accounts.Email;

/// <summary>
/// Writes each message as an .eml file (any mail program opens it). Written under a temporary name and then renamed,
/// so a reader never sees half a message.
/// </summary>
public sealed class PickupFolderMailTransport(string folder, TimeProvider clock) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(folder, name + ".tmp");
        await using (var stream = File.Create(temporary))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        File.Move(temporary, Path.Combine(folder, name + ".eml"));
    }
}
