using System.Diagnostics;
using OpenCvSharp;
using Surgewatch.Edge.Sources;

namespace Surgewatch.Edge.Counting;

/// <summary>The figures of a run: speed and losses, never content.</summary>
/// <param name="FramesRead">Frames taken from the source (counted or skipped by the stride).</param>
/// <param name="FramesCounted">Frames counted.</param>
/// <param name="FramesLost">Frames a live source failed to deliver during its outages (not the number of outages).</param>
/// <param name="Elapsed">Wall time of the counting loop.</param>
/// <param name="DetectionTime">Time spent in the detector.</param>
public sealed record EdgeRunMetrics(long FramesRead, long FramesCounted, long FramesLost, TimeSpan Elapsed, TimeSpan DetectionTime)
{
    /// <summary>Frames counted per second of wall time.</summary>
    public double FramesPerSecond => Elapsed > TimeSpan.Zero ? FramesCounted / Elapsed.TotalSeconds : 0;

    /// <summary>Mean detection time per counted frame, in milliseconds.</summary>
    public double MeanDetectionMilliseconds => FramesCounted > 0 ? DetectionTime.TotalMilliseconds / FramesCounted : 0;
}

/// <summary>
/// Drives a <see cref="VideoSource"/> through an <see cref="EdgeCounter"/> with one reused frame buffer, calling
/// <c>onFrame</c> with the frame's index and its counts only.
/// </summary>
public static class EdgeRun
{
    /// <summary>Runs to the end of the source or until <paramref name="cancellation"/> fires.</summary>
    public static EdgeRunMetrics Run(VideoSource source, EdgeCounter counter, EdgeCounterOptions options, Action<long, FrameCountResult> onFrame, CancellationToken cancellation = default)
    {
        using var frame = new Mat();
        Prime(source, counter, options, frame);
        var started = Stopwatch.GetTimestamp();
        long index = 0;
        while (!cancellation.IsCancellationRequested)
        {
            if (index % options.Stride != 0)
            {
                var lost = source.FramesLost;
                if (!source.Skip(cancellation))
                {
                    break;
                }

                if (source.FramesLost != lost)
                {
                    counter.Reset();
                }
            }
            else
            {
                var lost = source.FramesLost;
                if (!source.Read(frame, cancellation))
                {
                    break;
                }

                if (source.FramesLost != lost)
                {
                    counter.Reset();
                }

                onFrame(index, counter.Count(frame));
            }

            index++;
        }

        return new EdgeRunMetrics(index, counter.FramesCounted, source.FramesLost, Stopwatch.GetElapsedTime(started), counter.DetectionTime);
    }

    private static void Prime(VideoSource source, EdgeCounter counter, EdgeCounterOptions options, Mat frame)
    {
        if (source.IsLive || options.PrimingFrames <= 0)
        {
            return;
        }

        // Spread the priming frames over the first ~20 s so that people walking through do not become background.
        var spacing = Math.Max(1, (int)Math.Round(source.FramesPerSecond * 20 / options.PrimingFrames));
        for (var i = 0; i < options.PrimingFrames * spacing && source.Read(frame); i++)
        {
            if (i % spacing == spacing - 1)
            {
                counter.Learn(frame);
            }
        }

        source.Rewind();
    }
}
