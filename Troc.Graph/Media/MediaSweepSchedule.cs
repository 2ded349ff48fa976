using Troc.Domain.Media;

namespace Troc.Graph.Media;

/// <summary>
/// Runs <see cref="OrphanedMediaSweeper"/> every <c>Media:SweepIntervalHours</c> hours (24 by default, 0 turns it
/// off; `./troc media sweep` runs it by hand). Several replicas may sweep at once: deletes are idempotent.
/// </summary>
public sealed class MediaSweepSchedule(OrphanedMediaSweeper sweeper, IConfiguration configuration, ILogger<MediaSweepSchedule> logger) : BackgroundService
{
    public const string IntervalKey = "Media:SweepIntervalHours";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = configuration.GetValue(IntervalKey, 24.0);
        if (hours <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(hours));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var result = await sweeper.SweepAsync(cancellationToken: stoppingToken);
                logger.LogInformation("Media sweep: {Scanned} objects, {Referenced} in use, {TooRecent} too recent to judge, {Deleted} orphans deleted",
                    result.Scanned, result.Referenced, result.TooRecent, result.Deleted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Media sweep failed; the next one will retry");
            }
        }
    }
}
