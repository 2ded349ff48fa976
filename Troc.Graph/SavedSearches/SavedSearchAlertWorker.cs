using Microsoft.Extensions.Options;
using Npgsql;
using Troc.Domain.SavedSearches;
using Troc.Graph.Realtime;

namespace Troc.Graph.SavedSearches;

/// <summary><c>SavedSearches:Alerts:*</c>.</summary>
public sealed class SavedSearchAlertOptions
{
    public const string Section = "SavedSearches:Alerts";

    /// <summary>False leaves jobs pending (a replica that only serves requests; tests of durability).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often pending jobs are looked for when no notification arrives (a lost connection, a retry falling due).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Jobs claimed per transaction.</summary>
    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// Raises saved-search alerts off the request path, one worker per replica. It LISTENs on the channel the outbox
/// trigger NOTIFYs on commit, so it wakes as soon as a listing goes active on any replica, and polls every
/// <see cref="SavedSearchAlertOptions.PollInterval"/> as well. Jobs left by a stopped server are simply pending:
/// the next worker to start processes them. Alerts are stored before they are published, and published after their
/// transaction committed: a bus outage loses a push, never an alert (`me.savedSearchMatches` has it).
/// </summary>
public sealed class SavedSearchAlertWorker(
    NpgsqlDataSource dataSource, SavedSearchAlerts alerts, ITopicEventSender sender,
    IOptions<SavedSearchAlertOptions> options, ILogger<SavedSearchAlertWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private static readonly TimeSpan KeepProcessed = TimeSpan.FromDays(1);
    private DateTime _lastPrune = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Saved-search alerts: worker disabled ({Section}:Enabled is false); jobs wait for another replica", SavedSearchAlertOptions.Section);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {SavedSearchAlerts.Channel}", listener))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await DrainAsync(settings.BatchSize, stoppingToken);
                    // Returns early on a notification (one that came while draining is already buffered).
                    await listener.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                logger.LogWarning(failure, "Saved-search alerts: worker failed; retrying shortly");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task DrainAsync(int batchSize, CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await alerts.ProcessPendingAsync(batchSize, cancellationToken);
            foreach (var (jobId, error) in batch.Failures)
                logger.LogWarning(error, "Saved-search alerts: job {JobId} failed; it will be retried", jobId);
            foreach (var alert in batch.Alerts)
                await PublishAsync(alert, cancellationToken);
            if (batch.Jobs < batchSize) break;
        }
        if (DateTime.UtcNow - _lastPrune > PruneEvery)
        {
            _lastPrune = DateTime.UtcNow;
            await alerts.PruneAsync(KeepProcessed, cancellationToken);
        }
    }

    private async Task PublishAsync(RaisedAlert alert, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(SavedSearchEvents.Topic(alert.OwnerId), SavedSearchMatched.From(alert), cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning(failure, "Saved-search alerts: could not push match {AlertId}; it stays readable in me.savedSearchMatches", alert.AlertId);
        }
    }
}
