// Each collection starts its own server and Chromium (software WebGL): run one collection at a time, so that two
// browsers drawing maps on a small CI machine do not time each other out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
