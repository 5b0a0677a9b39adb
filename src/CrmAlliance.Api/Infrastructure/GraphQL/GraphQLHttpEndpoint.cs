using System.Text;
using System.Text.Json;
using CrmAlliance.Api.Core;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// GraphQL over HTTP (the GraphQL Foundation's specification): POST with application/json, GET for
/// queries only; answers application/graphql-response+json with 400 for documents that could not be
/// executed, or application/json (always 200) for clients that ask only for that. No array batching.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    private const string JsonMediaType = "application/json";

    public static IEndpointRouteBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, IDocumentExecuter executer, ISchema schema, IGraphQLTextSerializer serializer, IOptions<GraphQLLimits> options, IHostEnvironment environment, GraphQLDocumentCache documents)
    {
        var limits = options.Value;
        var responseType = NegotiateResponseType(http.Request);
        if (responseType is null)
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status406NotAcceptable, JsonMediaType, $"Accept {GraphQLResponseMediaType} or {JsonMediaType}.");
            return;
        }

        var (request, status, problem) = HttpMethods.IsGet(http.Request.Method)
            ? ReadGetRequest(http.Request.Query, serializer, limits)
            : await ReadPostRequestAsync(http, serializer, limits);
        if (request is null)
        {
            await WriteErrorAsync(http, serializer, status, responseType, problem!, status == StatusCodes.Status413PayloadTooLarge ? TooLarge : BadRequest);
            return;
        }

        // Anonymous callers get nothing but this, before any parsing: not even the schema.
        var actor = Actor.FromPrincipal(http.User);
        if (actor is null)
        {
            var credentialsSent = http.Request.Headers.Authorization.Count > 0;
            if (credentialsSent)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            }

            await WriteErrorAsync(http, serializer, credentialsSent ? StatusCodes.Status401Unauthorized : NotExecuted(responseType), responseType,
                credentialsSent ? "Sign in again: the token or cookie is not valid (expired, signed out, or not one of ours)." : "Sign in first.", ErrorCodes.Unauthenticated);
            return;
        }

        var cached = documents.TryGet(request.Query!, out var document);
        if (!cached)
        {
            (document, var code, var refusal) = GraphQLDocumentCheck.Check(request.Query!, limits);
            if (document is null)
            {
                await WriteErrorAsync(http, serializer, NotExecuted(responseType), responseType, refusal!, code!);
                return;
            }
        }

        if (HttpMethods.IsGet(http.Request.Method) && IsMutation(document, request.OperationName))
        {
            http.Response.Headers.Allow = "POST";
            await WriteErrorAsync(http, serializer, StatusCodes.Status405MethodNotAllowed, responseType, "Mutations must be sent with POST.");
            return;
        }

        if (actor.Role == Role.Company && !environment.IsDevelopment() && GraphQLDocumentCheck.SelectsIntrospection(document))
        {
            await WriteErrorAsync(http, serializer, NotExecuted(responseType), responseType, "The schema is described to jobcenter staff only.", ErrorCodes.Forbidden);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(limits.ExecutionTimeout);
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Schema = schema,
                Query = request.Query,
                Document = document,
                // Null: the specification's rules and the configured ones; a cached document passed the former.
                ValidationRules = cached ? GraphQLDocumentCache.CachedRules : null,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                UserContext = new CrmUserContext(actor),
                User = http.User,
                RequestServices = http.RequestServices,
                CancellationToken = timeout.Token,
            });
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status503ServiceUnavailable, responseType, $"The request took longer than {limits.ExecutionTimeout.TotalSeconds:0} s and was stopped; nothing was changed. Ask for less at a time.", Timeout);
            return;
        }

        if (result.Executed && !cached)
        {
            documents.Add(request.Query!, document);
        }

        http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : NotExecuted(responseType);
        http.Response.ContentType = responseType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>A well-formed request that was not executed: 400, but 200 for clients that accept only application/json (GraphQL over HTTP).</summary>
    private static int NotExecuted(string responseType)
        => responseType == GraphQLResponseMediaType ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    /// <summary>Codes of the transport's refusals (the core's own are in <see cref="ErrorCodes"/>).</summary>
    public const string BadRequest = "BAD_REQUEST";
    public const string TooComplex = "QUERY_TOO_COMPLEX";
    public const string TooLarge = "REQUEST_TOO_LARGE";
    public const string Timeout = "TIMEOUT";

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    private static async Task<(GraphQLRequest? Request, int Status, string? Problem)> ReadPostRequestAsync(HttpContext http, IGraphQLTextSerializer serializer, GraphQLLimits limits)
    {
        // Requiring application/json (a non-simple content type) is also the CSRF guard: browsers preflight it.
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType) || !contentType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, $"Send the request body as {JsonMediaType}.");
        }

        if (http.Request.ContentLength > limits.MaxBodyBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"The body may be at most {limits.MaxBodyBytes / 1048576} MB.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxBodyBytes;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, JsonOptions, http.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, StatusCodes.Status400BadRequest, "The body must be one JSON object; batching is not supported.");
            }

            if (ListTooLong(document.RootElement, limits.MaxListItems))
            {
                return (null, StatusCodes.Status400BadRequest, $"A list in the variables has more than {limits.MaxListItems:N0} items.");
            }

            // Refused before the variables become .NET strings: an 11 MB string in a filter cost 145 MB of allocation.
            if (document.RootElement.TryGetProperty("variables", out var variables) && LongestString(variables) > limits.MaxStringBytes && !OnlyImports(document.RootElement, limits))
            {
                return (null, StatusCodes.Status400BadRequest, $"A string in the variables is longer than {limits.MaxStringBytes / 1024} KB; only the imports take files.");
            }

            var request = serializer.ReadNode<GraphQLRequest>(document.RootElement);
            return string.IsNullOrWhiteSpace(request?.Query)
                ? (null, StatusCodes.Status400BadRequest, "The request has no `query`.")
                : (request, StatusCodes.Status200OK, null);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"The body may be at most {limits.MaxBodyBytes / 1048576} MB.");
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException or DecoderFallbackException)
        {
            return (null, StatusCodes.Status400BadRequest, "The body is not a valid GraphQL request: " + SafeMessage(ex));
        }
    }

    private static string? NegotiateResponseType(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return GraphQLResponseMediaType;
        }

        foreach (var media in accepted.OrderByDescending(a => a.Quality ?? 1))
        {
            if (media.MediaType.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase) || media.MatchesAllTypes || media.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseMediaType;
            }

            if (media.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
            {
                return JsonMediaType;
            }
        }

        return null;
    }

    private static (GraphQLRequest? Request, int Status, string? Problem) ReadGetRequest(IQueryCollection query, IGraphQLTextSerializer serializer, GraphQLLimits limits)
    {
        if (StringValues.IsNullOrEmpty(query["query"]))
        {
            return (null, StatusCodes.Status400BadRequest, "The request has no `query` parameter.");
        }

        try
        {
            return (new GraphQLRequest
            {
                Query = query["query"],
                OperationName = StringValues.IsNullOrEmpty(query["operationName"]) ? null : query["operationName"].ToString(),
                Variables = ReadJsonParameter(query["variables"], serializer, limits),
                Extensions = ReadJsonParameter(query["extensions"], serializer, limits),
            }, StatusCodes.Status200OK, null);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return (null, StatusCodes.Status400BadRequest, "`variables` or `extensions` is not a JSON object: " + SafeMessage(ex));
        }
    }

    private static Inputs? ReadJsonParameter(StringValues value, IGraphQLTextSerializer serializer, GraphQLLimits limits)
    {
        if (StringValues.IsNullOrEmpty(value))
        {
            return null;
        }

        using var document = JsonDocument.Parse(value.ToString(), JsonOptions);
        if (ListTooLong(document.RootElement, limits.MaxListItems))
        {
            throw new FormatException($"a list has more than {limits.MaxListItems:N0} items.");
        }

        return serializer.Deserialize<Inputs>(value.ToString());
    }

    /// <summary>The longest string value in <paramref name="element"/>, in bytes as sent (read in place, without copying it).</summary>
    private static int LongestString(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element).Length,
        JsonValueKind.Array => element.EnumerateArray().Select(LongestString).DefaultIfEmpty(0).Max(),
        JsonValueKind.Object => element.EnumerateObject().Select(property => LongestString(property.Value)).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    /// <summary>True when the request's operation is a mutation whose every root field is an import (the query itself is checked later).</summary>
    private static bool OnlyImports(JsonElement request, GraphQLLimits limits)
    {
        if (!request.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var (document, _, _) = GraphQLDocumentCheck.Check(query.GetString()!, limits);
        var operationName = request.TryGetProperty("operationName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        var operation = document is null ? null : SelectedOperation(document, operationName);
        return operation is { Operation: OperationType.Mutation }
            && operation.SelectionSet.Selections.All(s => s is GraphQLField field && field.Name.StringValue.StartsWith("import", StringComparison.Ordinal));
    }

    /// <summary>True when any array in <paramref name="element"/> has more than <paramref name="maxItems"/> items (one linear walk).</summary>
    private static bool ListTooLong(JsonElement element, int maxItems) => element.ValueKind switch
    {
        JsonValueKind.Array => element.GetArrayLength() > maxItems || element.EnumerateArray().Any(item => ListTooLong(item, maxItems)),
        JsonValueKind.Object => element.EnumerateObject().Any(property => ListTooLong(property.Value, maxItems)),
        _ => false,
    };

    /// <summary>The parser's message without .NET type names or stack details.</summary>
    private static string SafeMessage(Exception ex) => ex switch
    {
        JsonException json => (json.Message.Contains("uplicate", StringComparison.Ordinal) ? "a key appears twice in the same object" : "malformed JSON")
            + (json.LineNumber is { } line ? $" at line {line + 1}, position {json.BytePositionInLine + 1}." : "."),
        DecoderFallbackException => "the body is not UTF-8.",
        _ => ex.Message,
    };

    private static bool IsMutation(GraphQLDocument document, string? operationName)
        => SelectedOperation(document, operationName)?.Operation == OperationType.Mutation;

    /// <summary>The operation the request runs: the named one, or the only one.</summary>
    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.Find(o => o.Name?.StringValue == operationName);
    }

    private static async Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string mediaType, string message, string code = BadRequest)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = code });
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
