using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DeviceFirmware.MockCloud.GService;

/// <summary>Reads a capped request body as a JSON object or a URL-encoded form; anything else is a 9015.</summary>
internal static class RequestBody
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    /// <summary>The body as a JSON object (<c>Content-Type: application/json</c>).</summary>
    public static async Task<JsonElement> ReadJsonObjectAsync(HttpContext context, int maxBytes)
    {
        RequireContentType(context, "application/json");
        byte[] body = await ReadCappedAsync(context, maxBytes).ConfigureAwait(false);

        // JsonDocument checks UTF-8 only when a string is read, and then throws InvalidOperationException (a 500):
        // the whole body is checked here instead, so invalid UTF-8 anywhere is the documented 9015.
        if (!System.Text.Unicode.Utf8.IsValid(body)) throw new GServiceProblem(GServiceError.FormInvalid, "the body is not valid UTF-8");
        try
        {
            using JsonDocument document = JsonDocument.Parse(body, JsonOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new GServiceProblem(GServiceError.FormInvalid, "the body must be a JSON object");
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new GServiceProblem(GServiceError.FormInvalid, "the body is not valid JSON");
        }
    }

    /// <summary>The body as form fields (<c>Content-Type: application/x-www-form-urlencoded</c>); a repeated field is a 9015.</summary>
    public static async Task<Dictionary<string, string>> ReadFormAsync(HttpContext context, int maxBytes)
    {
        RequireContentType(context, "application/x-www-form-urlencoded");
        byte[] body = await ReadCappedAsync(context, maxBytes).ConfigureAwait(false);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string text = Encoding.Latin1.GetString(body);
        foreach (string pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string key = FormDecoder.Decode(equals < 0 ? pair : pair.Substring(0, equals));
            string value = equals < 0 ? string.Empty : FormDecoder.Decode(pair.Substring(equals + 1));
            if (!fields.TryAdd(key, value)) throw new GServiceProblem(GServiceError.FormInvalid, $"field \"{key}\" is repeated");
        }

        return fields;
    }

    private static void RequireContentType(HttpContext context, string mediaType)
    {
        string? header = context.Request.ContentType;
        if (header is null || !MediaTypeHeaderValue.TryParse(header, out MediaTypeHeaderValue? parsed) ||
            !string.Equals(parsed.MediaType, mediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw new GServiceProblem(GServiceError.FormInvalid, $"Content-Type must be {mediaType}");
        }
    }

    private static async Task<byte[]> ReadCappedAsync(HttpContext context, int maxBytes)
    {
        if (context.Request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[8192];
        Stream body = context.Request.Body;
        while (true)
        {
            int read = await body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false);
            if (read == 0) break;
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) throw TooLarge(maxBytes);
        }

        return buffer.ToArray();
    }

    private static GServiceProblem TooLarge(int maxBytes) => new(GServiceError.FormInvalid, $"the body is larger than {maxBytes} bytes");
}
