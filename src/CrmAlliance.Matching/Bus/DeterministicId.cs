using System.Security.Cryptography;
using System.Text;

namespace CrmAlliance.Matching.Bus;

/// <summary>
/// A MessageId derived from the message that caused it: a redelivered VacancyPosted yields a
/// VacancyMatched with the same id, which the Api's inbox then drops. The matcher itself stays stateless.
/// </summary>
public static class DeterministicId
{
    public static Guid From(Guid cause, string purpose)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}:{cause:N}"), hash);
        var bytes = hash[..16];

        // RFC 9562 layout: version 8 (custom), variant 10.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
