using System.Text.Json;
using CrmAlliance.Contracts;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>The contracts the outbox may carry, by the name stored in <see cref="OutboxMessage.MessageType"/>.</summary>
public static class MessageTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Type> ByName = typeof(VacancyPosted).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == typeof(VacancyPosted).Namespace && t.IsClass && !t.IsAbstract)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static string NameOf(Type type)
        => ByName.TryGetValue(type.Name, out var known) && known == type
            ? type.Name
            : throw new ArgumentException($"{type.FullName} is not a bus contract of CrmAlliance.Contracts.", nameof(type));

    public static Type TypeOf(string name)
        => ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Outbox holds an unknown message type '{name}'.");

    public static object Deserialize(OutboxMessage row)
        => JsonSerializer.Deserialize(row.Body, TypeOf(row.MessageType), Json)
            ?? throw new InvalidOperationException($"Outbox message {row.MessageId} has an empty body.");
}
