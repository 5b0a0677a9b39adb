using System.Text.Json;

namespace CrmAlliance.Api.Features.Accounts.SignIn;

/// <summary>
/// Reads the account (the <c>email</c> of the JSON body) that a request to <c>/auth/*</c> names, before Identity's
/// endpoint does, so the rate limiter can count requests per account. The body is buffered and rewound. The web UI's
/// sign-in and forgotten-password forms (<see cref="WebFormPaths"/>) name it in their <c>email</c> form field.
/// </summary>
public static class SignInAccountReader
{
    private const string ItemKey = "crm:sign-in-account";

    /// <summary>The web UI's forms that take an e-mail and a password, send a reset code or take one: limited like <c>/auth/*</c>.</summary>
    public static readonly string[] WebFormPaths = ["/log-ind", "/glemt-adgangskode", "/nulstil-adgangskode"];

    public static bool IsSignInRequest(HttpRequest request)
        => request.Path.StartsWithSegments("/auth", StringComparison.OrdinalIgnoreCase) || IsWebForm(request);

    public static bool IsWebForm(HttpRequest request)
        => HttpMethods.IsPost(request.Method)
            && WebFormPaths.Any(path => request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));

    /// <summary>Identity's bodies are a few hundred bytes; a larger one could hide the account from the limiter.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public static string? AccountOf(HttpContext context) => context.Items[ItemKey] as string;

    public static IApplicationBuilder UseSignInAccountReader(this IApplicationBuilder app)
        => app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (IsWebForm(request) && request.HasFormContentType)
            {
                // Read once here; the page reads the same cached form.
                var form = await request.ReadFormAsync(context.RequestAborted);
                var email = form["email"].ToString().Trim();
                if (email.Length > 0)
                {
                    context.Items[ItemKey] = email.ToUpperInvariant();
                }
            }
            else if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/auth", StringComparison.OrdinalIgnoreCase))
            {
                request.EnableBuffering();
                var body = new byte[MaxBodyBytes + 1];
                var length = await request.Body.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, context.RequestAborted);
                request.Body.Position = 0;
                if (length > MaxBodyBytes)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }

                if (EmailOf(body.AsSpan(0, length)) is { } email)
                {
                    context.Items[ItemKey] = email;
                }
            }

            await next(context);
        });

    /// <summary>The e-mail as Identity compares it (upper-case), from the last <c>email</c> property as System.Text.Json binds it.</summary>
    private static string? EmailOf(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            string? email = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEmail = string.Equals(reader.GetString(), "email", StringComparison.OrdinalIgnoreCase);
                reader.Read();
                if (isEmail && reader.TokenType == JsonTokenType.String)
                {
                    email = reader.GetString()?.Trim().ToUpperInvariant();
                }

                reader.Skip();
            }

            return string.IsNullOrEmpty(email) ? null : email;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
