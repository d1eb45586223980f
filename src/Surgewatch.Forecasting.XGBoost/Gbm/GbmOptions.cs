namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>How <see cref="GbmModel"/> trains. The defaults are not tuned to one city.</summary>
public sealed record GbmOptions
{
    /// <summary>Boosting rounds (trees).</summary>
    public int Rounds { get; init; } = 300;

    /// <summary>Maximum tree depth.</summary>
    public int MaxDepth { get; init; } = 8;

    /// <summary>Learning rate (eta).</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>At most this many (origin, horizon) rows are sampled from the training window, over all series.</summary>
    public int MaxTrainingRows { get; init; } = 400_000;

    /// <summary>Horizons sampled per sampled origin.</summary>
    public int HorizonsPerOrigin { get; init; } = 4;

    /// <summary>
    /// The share of sampled horizons drawn uniformly from the first hour (rolling forecasts); the rest are drawn
    /// log-uniformly from one step to one day.
    /// </summary>
    public double ShortHorizonShare { get; init; } = 0.5;

    /// <summary>
    /// Also train a second booster only on horizons within the first hour (with half the rows), and use it for those
    /// horizons: rolling forecasts then do not share the trees' capacity with day-ahead ones.
    /// </summary>
    public bool ShortHorizonModel { get; init; } = true;

    /// <summary>
    /// How many first-hour boosters (<see cref="ShortHorizonModel"/>) to train, each on its own sampled rows and seed;
    /// the first-hour forecast is their mean. One booster on twice the rows measured worse than three averaged on
    /// Los-loop's validation day (docs/benchmarks.md): averaging takes out the variance of the sampling.
    /// </summary>
    public int ShortHorizonModels { get; init; } = 1;

    /// <summary>Rows of the first-hour booster (<see cref="ShortHorizonModel"/>); null: half of <see cref="MaxTrainingRows"/>.</summary>
    public int? ShortHorizonRows { get; init; }

    /// <summary>XGBoost objective.</summary>
    public string Objective { get; init; } = "reg:squarederror";

    /// <summary>The first-hour booster's objective (<see cref="ShortHorizonModel"/>); null: <see cref="Objective"/>.</summary>
    public string? ShortHorizonObjective { get; init; }

    /// <summary>
    /// The width of <c>reg:pseudohubererror</c>'s quadratic zone, in label units (÷ the series' scale): errors beyond it
    /// count about linearly, as in MAE. Used only with that objective, which then also starts from 0 (base_score): a
    /// change label is centred there, and at XGBoost 1.7's default start of 0.5, hundreds of widths away, the loss's
    /// curvature all but vanishes.
    /// </summary>
    public double HuberSlope { get; init; } = 1;

    /// <summary>What the boosters learn: the reading ÷ scale, or its change from the last reading ÷ scale.</summary>
    public GbmTarget Target { get; init; } = GbmTarget.Level;

    /// <summary>What the first-hour booster learns (<see cref="ShortHorizonModel"/>); null: <see cref="Target"/>.</summary>
    public GbmTarget? ShortHorizonTarget { get; init; }

    /// <summary>Whether rows carry the short-term columns (<c>FeatureLayout.RecentNames</c>).</summary>
    public bool RecentFeatures { get; init; }

    /// <summary>
    /// The options for data of step <paramref name="step"/>.
    /// <para>Hourly and coarser data (counts): runs of <see cref="HourlyOutageRun"/> zero hours are outages; the
    /// first-hour booster learns the change from the profile estimate (the target slot's eight-week median times how
    /// the last reading stands against its own) with a pseudo-Huber loss of width 0.05 (the accuracy is judged by
    /// WAPE, an absolute error), three such boosters averaged on 400,000 rows each (one on 800,000 rows measured 1.3 %
    /// worse on the validation year: averaging takes variance out); the day-ahead booster learns the level with squared
    /// error on 800,000 rows (two averaged on 400,000 each measured only 0.3 % better, not worth it). Chosen
    /// on Melbourne's validation year 2013 (docs/benchmarks.md, "Melbourne: profile columns…"). The change from the
    /// eight-week median with a pseudo-Huber loss measured better day-ahead on Melbourne but worse on the one-year
    /// synthetic city of the generality test (a robust loss learns rare holiday drops slowly), so it is not used.</para>
    /// <para>Sub-hourly data (road speeds every few minutes, forecast minutes ahead): the change from the last reading
    /// as the label, since a reading minutes ahead is mostly the last one, the short-term columns
    /// (<c>FeatureLayout.RecentNames</c>), and for the first-hour booster a pseudo-Huber loss of width 0.005 (half a
    /// percent of the series' scale): the accuracy is judged by MAE and speed drops are heavy-tailed, so the mean that
    /// squared error learns is pulled off the typical change; and three first-hour boosters averaged
    /// (<see cref="ShortHorizonModels"/>). The short-term columns include the last week's days of the target's kind
    /// (working day or weekend/holiday) relative to the origin, which carry the day's profile to the 45–60 minute
    /// horizons. All were chosen on a validation day inside Los-loop's training days (docs/benchmarks.md); XGBoost
    /// 1.7.4's absolute error measured far worse there, and splitting the first hour into two boosters (h 1–6, 7–12)
    /// worse at h 7–12. The day-ahead booster keeps squared error (not validated with another loss).</para>
    /// </summary>
    public static GbmOptions ForStep(TimeSpan step) => step < TimeSpan.FromHours(1)
        ? new GbmOptions
        {
            Target = GbmTarget.ChangeFromLast,
            RecentFeatures = true,
            ShortHorizonObjective = PseudoHuber,
            HuberSlope = 0.005,
            ShortHorizonModels = 3,
        }
        : new GbmOptions
        {
            OutageRun = HourlyOutageRun,
            ShortHorizonTarget = GbmTarget.ChangeFromProfile,
            ShortHorizonObjective = PseudoHuber,
            HuberSlope = 0.05,
            MaxTrainingRows = 800_000,
            ShortHorizonRows = 400_000,
            ShortHorizonModels = 3,
        };

    /// <summary>The hourly <see cref="OutageRun"/>: six hours of zeros at a sensor that counts people is a fault, not a quiet street.</summary>
    public const int HourlyOutageRun = 6;

    /// <summary>
    /// Runs of at least this many zero readings count as outages (0: none): they are not training labels, not part of
    /// the scale, and read as missing by the seasonal columns. For hourly counts, six hours of zeros (sub-hourly
    /// data keep 0, as zeros there are handled by masking).
    /// </summary>
    public int OutageRun { get; init; }

    /// <summary>
    /// With a value, a training row's weight is also halved for every such span between its origin and the training
    /// end, so that a long history teaches the trees the present level and habits more than old ones (null: no decay).
    /// Not on by default: a half-life of a year measured no better on a Melbourne validation year (docs/benchmarks.md).
    /// </summary>
    public TimeSpan? RecencyHalfLife { get; init; }

    /// <summary>XGBoost's pseudo-Huber objective: squared error near 0, about absolute error beyond <see cref="HuberSlope"/>.</summary>
    public const string PseudoHuber = "reg:pseudohubererror";

    /// <summary>Native threads.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Seed of sampling and of XGBoost.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The XGBoost parameters these options stand for.</summary>
    public IReadOnlyDictionary<string, string> ToParameters()
    {
        var parameters = BaseParameters();
        if (Objective == PseudoHuber)
        {
            parameters["huber_slope"] = HuberSlope.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters["base_score"] = "0";
        }

        return parameters;
    }

    private Dictionary<string, string> BaseParameters() => new()
    {
        ["tree_method"] = "hist",
        ["objective"] = Objective,
        ["nthread"] = Threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["seed"] = Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["max_depth"] = MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["eta"] = LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["subsample"] = "0.8",
        ["colsample_bytree"] = "0.8",
        ["min_child_weight"] = "5",
        ["verbosity"] = "0",
    };
}
