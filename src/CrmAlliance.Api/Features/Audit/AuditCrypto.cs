using System.Security.Cryptography;
using System.Text;

namespace CrmAlliance.Api.Features.Audit;

/// <summary>
/// AES-256-GCM for the values of entries about a candidate, under that candidate's key. The candidate's id is the
/// associated data, so a value cannot be moved to another candidate's entry and still decrypt.
/// Stored as <c>v1:</c> + base64(nonce ‖ tag ‖ ciphertext).
/// </summary>
public static class AuditCrypto
{
    public const string Prefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static bool IsEncrypted(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public static string Encrypt(string plain, byte[] key, Guid candidateId)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceSize + TagSize + plainBytes.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plainBytes, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), candidateId.ToByteArray());
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plain text; throws <see cref="CryptographicException"/> when the key or data do not fit.</summary>
    public static string Decrypt(string stored, byte[] key, Guid candidateId)
    {
        var sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
        var plainBytes = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plainBytes, candidateId.ToByteArray());
        return Encoding.UTF8.GetString(plainBytes);
    }
}
