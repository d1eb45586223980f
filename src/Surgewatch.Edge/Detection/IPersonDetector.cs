using OpenCvSharp;
using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Detection;

/// <summary>Finds people in one frame. It sees the frame only for the call and keeps no pixels of it.</summary>
public interface IPersonDetector : IDisposable
{
    /// <summary>Learns the scene's background from <paramref name="frame"/> without counting (file priming).</summary>
    void Learn(Mat frame);

    /// <summary>Boxes around the people in <paramref name="frame"/>.</summary>
    IReadOnlyList<PixelBox> Detect(Mat frame);
}
