using System.Text.Json;
using CrmAlliance.Api.Core;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
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

    private static async Task HandleAsync(HttpContext http, IDocumentExecuter executer, ISchema schema, IGraphQLTextSerializer serializer)
    {
        var responseType = NegotiateResponseType(http.Request);
        if (responseType is null)
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status406NotAcceptable, JsonMediaType, $"Accept {GraphQLResponseMediaType} or {JsonMediaType}.");
            return;
        }

        GraphQLRequest? request;
        if (HttpMethods.IsGet(http.Request.Method))
        {
            request = ReadGetRequest(http.Request.Query, serializer, out var problem);
            if (request is null)
            {
                await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, responseType, problem!);
                return;
            }

            if (IsMutation(request))
            {
                http.Response.Headers.Allow = "POST";
                await WriteErrorAsync(http, serializer, StatusCodes.Status405MethodNotAllowed, responseType, "Mutations must be sent with POST.");
                return;
            }
        }
        else
        {
            // Requiring application/json (a non-simple content type) is also the CSRF guard: browsers preflight it.
            if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType) || !contentType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
            {
                await WriteErrorAsync(http, serializer, StatusCodes.Status415UnsupportedMediaType, responseType, $"Send the request body as {JsonMediaType}.");
                return;
            }

            try
            {
                using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, responseType, "The body must be one JSON object; batching is not supported.");
                    return;
                }

                request = serializer.Deserialize<GraphQLRequest>(document.RootElement.GetRawText());
            }
            catch (Exception ex) when (ex is JsonException or FormatException)
            {
                await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, responseType, "The body is not a valid GraphQL request: " + ex.Message);
                return;
            }

            if (string.IsNullOrWhiteSpace(request?.Query))
            {
                await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, responseType, "The request has no `query`.");
                return;
            }
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = new CrmUserContext(Actor.FromPrincipal(http.User)),
            User = http.User,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
        });

        http.Response.StatusCode = !result.Executed && responseType == GraphQLResponseMediaType
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = responseType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
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

    private static GraphQLRequest? ReadGetRequest(IQueryCollection query, IGraphQLTextSerializer serializer, out string? problem)
    {
        problem = null;
        if (StringValues.IsNullOrEmpty(query["query"]))
        {
            problem = "The request has no `query` parameter.";
            return null;
        }

        try
        {
            return new GraphQLRequest
            {
                Query = query["query"],
                OperationName = StringValues.IsNullOrEmpty(query["operationName"]) ? null : query["operationName"].ToString(),
                Variables = StringValues.IsNullOrEmpty(query["variables"]) ? null : serializer.Deserialize<Inputs>(query["variables"]),
                Extensions = StringValues.IsNullOrEmpty(query["extensions"]) ? null : serializer.Deserialize<Inputs>(query["extensions"]),
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            problem = "`variables` or `extensions` is not a JSON object: " + ex.Message;
            return null;
        }
    }

    private static bool IsMutation(GraphQLRequest request)
    {
        try
        {
            var document = global::GraphQLParser.Parser.Parse(request.Query);
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var operation = request.OperationName is null
                ? operations.Count == 1 ? operations[0] : null
                : operations.Find(o => o.Name?.StringValue == request.OperationName);
            return operation?.Operation == OperationType.Mutation;
        }
        catch (global::GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            // The executer reports the syntax error with its location.
            return false;
        }
    }

    private static async Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string mediaType, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = "BAD_REQUEST" });
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
