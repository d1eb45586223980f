namespace Surgewatch.Core.Edge;

/// <summary>
/// Short-lived position tracks for counting line crossings. Each track predicts its box by constant velocity and takes
/// the detection that overlaps its prediction best, or the nearest within reach. A track left without a detection of its
/// own keeps going on its prediction: inside another track's detection (people passing or walking together merge into
/// one blob) for up to <see cref="TrackerOptions.MaxHiddenFrames"/> frames, held inside that blob; with nothing there
/// (a missed detection) for up to <see cref="TrackerOptions.MaxMissedFrames"/>. Then it is dropped with everything it
/// held. A crossing counts when a track's foot, clearly on one side of the line, is next clearly on the other, judged on
/// its own detections and on the blob it is hidden in, never on prediction alone: once per crossing, so a track dithering
/// on the line never counts and one that turns back counts each way. Association uses position and motion only: nothing
/// about how a person looks is computed or kept, so two sightings can never be matched outside the view.
/// </summary>
public sealed class PersonTracker(TrackerOptions options)
{
    private readonly List<PersonTrack> _tracks = [];

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
        var crossings = LineCrossings.None;
        foreach (var track in _tracks)
        {
            if (Update(track, detections, taken) && line is not null)
            {
                crossings = crossings.Add(Crossing(track, line));
            }
        }

        _tracks.RemoveAll(t => t.Missed > (t.Hidden ? options.MaxHiddenFrames : options.MaxMissedFrames));
        for (var d = 0; d < detections.Count; d++)
        {
            if (!taken[d])
            {
                _tracks.Add(new PersonTrack(detections[d]));
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

    /// <summary>Updates <paramref name="track"/> from this frame; true when it was seen (itself or inside a group), so its side can be judged.</summary>
    private bool Update(PersonTrack track, IReadOnlyList<PixelBox> detections, bool[] taken)
    {
        if (track.Match >= 0)
        {
            track.Correct(detections[track.Match], options);
            return true;
        }

        var group = GroupHolding(track.Box, detections, taken);
        if (group >= 0)
        {
            track.HideIn(detections[group]);
            return true;
        }

        track.Coast();
        return false;
    }

    /// <summary>The detection another track took that holds most of <paramref name="predicted"/>, or -1.</summary>
    private int GroupHolding(PixelBox predicted, IReadOnlyList<PixelBox> detections, bool[] taken)
    {
        var (best, bestShare) = (-1, options.MinShareInGroup);
        for (var d = 0; d < detections.Count; d++)
        {
            var share = predicted.ShareInside(detections[d]);
            if (taken[d] && share >= bestShare)
            {
                (best, bestShare) = (d, share);
            }
        }

        return best;
    }

    private CrossingDirection Crossing(PersonTrack track, CountingLine line)
    {
        if (track.Hits < options.MinHits)
        {
            return CrossingDirection.None;
        }

        var side = line.SideOf(track.Box.Foot, options.LineMarginInHeights * track.Box.Height);
        if (side == 0)
        {
            return CrossingDirection.None;
        }

        var crossed = track.SettledSide != 0 && side != track.SettledSide;
        track.SettledSide = side;
        return !crossed ? CrossingDirection.None : side > 0 ? CrossingDirection.In : CrossingDirection.Out;
    }
}
