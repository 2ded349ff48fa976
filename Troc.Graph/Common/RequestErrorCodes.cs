namespace Troc.Graph.Common;

/// <summary>
/// The `extensions.code` of the GraphQL errors that refuse a malformed read (an argument out of range), each spelled once.
/// Expected failures of mutations are not these: they are violations (<see cref="Troc.Domain.Common.ViolationKind"/>),
/// returned as payload errors.
/// </summary>
public static class RequestErrorCodes
{
    public const string PaginationInvalid = "PAGINATION_INVALID";
    public const string FirstOutOfRange = "FIRST_OUT_OF_RANGE";
    public const string TextTooLong = "TEXT_TOO_LONG";
    public const string PrefixTooLong = "PREFIX_TOO_LONG";
    public const string TooManyIds = "TOO_MANY_IDS";
}
