namespace Surgewatch.Core.Edge;

/// <summary>
/// Short-lived position tracks for counting line crossings. Each track predicts its box by constant velocity (an
/// alpha-beta filter, the steady-state form of a Kalman filter) and takes the detection that overlaps its prediction
/// best. A crossing counts when a track's foot, clearly on one side of the line, is next clearly on the other: once
/// per crossing, so a track dithering on the line never counts and one that turns back counts each way. Association uses position and motion only: nothing about how a person looks is computed or kept, so two
/// sightings can never be matched outside the view. A track unseen for <see cref="TrackerOptions.MaxMissedFrames"/>
/// frames is dropped with everything it held.
/// </summary>
public sealed class PersonTracker(TrackerOptions options)
{
    private readonly List<Track> _tracks = [];

    /// <summary>Tracks alive now (seen recently enough to be predicted).</summary>
    public int ActiveTracks => _tracks.Count;

    /// <summary>
    /// Advances every track by one frame with this frame's <paramref name="detections"/> and returns the crossings of
    /// <paramref name="line"/> that happened in it (none without a line).
    /// </summary>
    public LineCrossings Step(IReadOnlyList<PixelBox> detections, CountingLine? line)
    {
        foreach (var track in _tracks)
        {
            track.Predict();
        }

        var taken = Associate(detections);
        var crossings = UpdateMatched(detections, taken, line);
        _tracks.RemoveAll(t => t.Missed > options.MaxMissedFrames);
        for (var d = 0; d < detections.Count; d++)
        {
            if (!taken[d])
            {
                _tracks.Add(new Track(detections[d]));
            }
        }

        return crossings;
    }

    /// <summary>Drops every track (after a gap in the stream).</summary>
    public void Reset() => _tracks.Clear();

    private bool[] Associate(IReadOnlyList<PixelBox> detections)
    {
        var taken = new bool[detections.Count];
        foreach (var track in _tracks)
        {
            track.Match = -1;
        }

        // Greedy by best score: with a handful of people per frame it equals the optimal assignment almost always and is simple to reason about.
        while (true)
        {
            var (bestTrack, bestDetection, bestScore) = (-1, -1, 0.0);
            for (var t = 0; t < _tracks.Count; t++)
            {
                if (_tracks[t].Match >= 0)
                {
                    continue;
                }

                for (var d = 0; d < detections.Count; d++)
                {
                    var score = taken[d] ? 0 : Score(_tracks[t].Box, detections[d]);
                    if (score > bestScore)
                    {
                        (bestTrack, bestDetection, bestScore) = (t, d, score);
                    }
                }
            }

            if (bestTrack < 0)
            {
                return taken;
            }

            _tracks[bestTrack].Match = bestDetection;
            taken[bestDetection] = true;
        }
    }

    private double Score(PixelBox predicted, PixelBox detection)
    {
        var overlap = predicted.IntersectionOverUnion(detection);
        if (overlap >= options.MinOverlap)
        {
            return 1 + overlap;
        }

        var a = predicted.Foot;
        var b = detection.Foot;
        var reach = options.MaxFootDistanceInHeights * Math.Max(predicted.Height, detection.Height);
        var distance = Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
        return distance <= reach ? 1 - (distance / reach) : 0;
    }

    private LineCrossings UpdateMatched(IReadOnlyList<PixelBox> detections, bool[] taken, CountingLine? line)
    {
        var crossings = LineCrossings.None;
        foreach (var track in _tracks)
        {
            if (track.Match < 0)
            {
                track.Missed++;
                continue;
            }

            track.Correct(detections[track.Match], options);
            if (line is null || track.Hits < options.MinHits)
            {
                continue;
            }

            var side = line.SideOf(track.LastFoot, options.LineMarginInHeights * track.Box.Height);
            if (side != 0 && track.SettledSide != 0 && side != track.SettledSide)
            {
                crossings = crossings.Add(side > 0 ? CrossingDirection.In : CrossingDirection.Out);
            }

            if (side != 0)
            {
                track.SettledSide = side;
            }
        }

        return crossings;
    }

    private sealed class Track(PixelBox box)
    {
        public PixelBox Box { get; private set; } = box;

        public double VelocityX { get; private set; }

        public double VelocityY { get; private set; }

        public int Hits { get; private set; } = 1;

        public int Missed { get; set; }

        public int Match { get; set; } = -1;

        /// <summary>The side of the line the track was last clearly on (0: not yet, or it went round the line's end).</summary>
        public int SettledSide { get; set; }

        /// <summary>The filtered foot after the last detection (not the prediction), so crossings follow measured motion.</summary>
        public PixelPoint LastFoot { get; private set; } = box.Foot;

        public void Predict() => Box = Box.Offset(VelocityX, VelocityY);

        public void Correct(PixelBox measured, TrackerOptions options)
        {
            var rx = measured.X - Box.X;
            var ry = measured.Y - Box.Y;
            var frames = Missed + 1;
            VelocityX += options.VelocityGain * rx / frames;
            VelocityY += options.VelocityGain * ry / frames;
            Box = new PixelBox(
                Box.X + (options.PositionGain * rx),
                Box.Y + (options.PositionGain * ry),
                Box.Width + (options.PositionGain * (measured.Width - Box.Width)),
                Box.Height + (options.PositionGain * (measured.Height - Box.Height)));
            Hits++;
            Missed = 0;
            LastFoot = Box.Foot;
        }
    }
}
