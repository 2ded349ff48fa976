namespace Troc.Graph.Transport.Execution;

/// <summary>Configuration section <c>Graph:Errors</c>: what clients learn of the server's own faults.</summary>
public sealed class ExceptionDetailsOptions
{
    public const string Section = "Graph:Errors";

    /// <summary>
    /// Attaches the exception behind an <c>INTERNAL_SERVER_ERROR</c> (type, message, stack trace with source paths) to
    /// the error the client receives, under <c>extensions.details</c>. A debugging aid to switch on for one session on a
    /// machine nobody else reaches: off by default in every environment, Development included, since a stack trace
    /// tells an attacker where the code lives and what it runs on. Errors that refuse a request (bad JSON, limits,
    /// authorization…) never carry details: their message already says what to change.
    /// </summary>
    public bool ExposeExceptionDetails { get; set; }
}
