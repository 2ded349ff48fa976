namespace Troc.Graph.Transport.Http.Errors;

/// <summary>A multipart upload over one of its limits (file size, file count, whole body): 413 with its own code.</summary>
public sealed class UploadTooLargeError(string code, string message) : HttpTransportError(code, message)
{
    public override int StatusCode => StatusCodes.Status413PayloadTooLarge;

    public static UploadTooLargeError File(string field, string? fileName, long maxFileBytes) => new(
        "FILE_TOO_LARGE",
        $"The file in multipart field '{field}'{(string.IsNullOrEmpty(fileName) ? "" : $" ({fileName})")} exceeds the limit of {maxFileBytes} bytes ({Megabytes(maxFileBytes)}) per file.");

    public static UploadTooLargeError TooManyFiles(int count, int maxFiles) => new(
        "TOO_MANY_FILES",
        $"The request uploads {count} files; at most {maxFiles} are allowed in one request.");

    public static UploadTooLargeError Body(long maxBytes) => new(
        "PAYLOAD_TOO_LARGE",
        $"The multipart request body exceeds the limit of {maxBytes} bytes.");

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
