namespace Orleans.Blockchain.Observability;

/// <summary>Bounds of the metrics that silo and gateway export.</summary>
public static class MetricLimits
{
    /// <summary>Tag combinations kept per metric (more are counted under <c>otel.metric.overflow</c>). OpenTelemetry's
    /// default of 2,000 reserves room for all of them up front, per metric: about 5 MiB of each idle process
    /// (test/Benchmarks/footprint.sh). The widest of ours, the gateway's request duration, has one per route, method
    /// and status code: a few dozen in practice.</summary>
    public const int CardinalityLimit = 200;
}
