using Ventanilla.Bench;

// Two measurements, always quoted together so the result is a ratio on whatever machine runs it:
//   load            creates tickets through the HTTP API and reports tickets/s with p50/p99 latency;
//   sqlite-ceiling  does the same inserts straight into SQLite, the embedded database's own limit.
//   network-import  uploads 2,000 nodes and 100,000 services twice, next to the time to parse the file.
// PostgreSQL's ceiling is measured with pgbench by bench/run.sh.
var options = BenchOptions.Parse(args);
return options.Mode switch
{
    "load" => await ApiLoad.RunAsync(options),
    "sqlite-ceiling" => await SqliteCeiling.RunAsync(options),
    "network-import" => await NetworkImportBench.RunAsync(options),
    _ => BenchOptions.Usage(),
};
