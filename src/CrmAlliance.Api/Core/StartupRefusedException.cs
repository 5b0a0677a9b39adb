namespace CrmAlliance.Api.Core;

/// <summary>
/// The host cannot start for a reason the operator can fix (e.g. no first Admin configured in Production):
/// the host prints the message, without a stack trace, and exits with 1.
/// </summary>
public sealed class StartupRefusedException(string message) : Exception(message);
