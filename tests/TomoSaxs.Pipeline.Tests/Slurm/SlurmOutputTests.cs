namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>
/// Reading the SLURM client programs' output. The samples were printed by slurm-wlm 22.05 on the tests' private
/// cluster (scontrol lines shortened to the fields read; sacct's format is documented, accounting being off there).
/// </summary>
public sealed class SlurmOutputTests
{
    [Theory]
    [InlineData("43\n", "43")]
    [InlineData("1234;cluster-a\n", "1234")]
    public void Sbatch_parsable_output_gives_the_job_id(string output, string job) => Assert.Equal(job, SlurmOutput.JobId(output));

    [Fact]
    public void Sbatch_output_without_a_job_id_is_refused() =>
        Assert.Contains("not a job id", Assert.Throws<FormatException>(() => SlurmOutput.JobId("sbatch: error: Batch job submission failed")).Message);

    [Fact]
    public void Squeue_lists_the_queued_tasks_one_per_line()
    {
        var tasks = SlurmOutput.QueuedTasks("2|PENDING\n3|PENDING\n7|PENDING\n0|RUNNING\n1|COMPLETING\n");

        Assert.Equal(new Dictionary<int, string> { [0] = "RUNNING", [1] = "COMPLETING", [2] = "PENDING", [3] = "PENDING", [7] = "PENDING" }, tasks);
    }

    [Fact]
    public void Scontrol_records_give_each_task_its_state_and_exit_code_pending_ranges_included()
    {
        const string scontrol = """
            JobId=43 ArrayJobId=43 ArrayTaskId=2-3,7 JobName=wrap UserId=root(0) JobState=PENDING Reason=Resources Dependency=(null) ExitCode=0:0 RunTime=00:00:00
            JobId=47 ArrayJobId=43 ArrayTaskId=3 JobName=wrap UserId=root(0) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) ExitCode=1:0 RunTime=00:00:02
            JobId=45 ArrayJobId=43 ArrayTaskId=1 JobName=wrap UserId=root(0) JobState=COMPLETED Reason=None Dependency=(null) ExitCode=0:0 RunTime=00:00:02

            """;

        var records = SlurmOutput.JobRecords(scontrol);

        Assert.Equal(("FAILED", "1:0"), records[3]);
        Assert.Equal(("COMPLETED", "0:0"), records[1]);
        Assert.Equal(("PENDING", "0:0"), records[2]);
        Assert.Equal(("PENDING", "0:0"), records[7]);
        Assert.Equal([1, 2, 3, 7], records.Keys.Order());
    }

    [Fact]
    public void Sacct_gives_each_task_its_state_without_the_cancelling_user()
    {
        var tasks = SlurmOutput.AccountedTasks("12_0|COMPLETED|0:0\n12_1|CANCELLED by 0|0:15\n12_[2-3]|PENDING|0:0\n");

        Assert.Equal(("COMPLETED", "0:0"), tasks[0]);
        Assert.Equal(("CANCELLED", "0:15"), tasks[1]);
        Assert.Equal(("PENDING", "0:0"), tasks[3]);
    }

    [Theory]
    [InlineData("AccountingStorageType   = accounting_storage/none\n", false)]
    [InlineData("AccountingStorageHost = db\nAccountingStorageType = accounting_storage/slurmdbd\n", true)]
    [InlineData("ClusterName = x\n", false)]
    public void Accounting_is_on_unless_its_storage_is_none(string config, bool enabled) =>
        Assert.Equal(enabled, SlurmOutput.AccountingEnabled(config));

    [Theory]
    [InlineData("7", new[] { 7 })]
    [InlineData("2-3,7", new[] { 2, 3, 7 })]
    [InlineData("0-6:3", new[] { 0, 3, 6 })]
    [InlineData("0-3%2", new[] { 0, 1, 2, 3 })]
    [InlineData("N/A", new int[0])]
    public void Array_task_specs_expand_to_task_ids(string spec, int[] ids) => Assert.Equal(ids, SlurmOutput.TaskIds(spec));

    [Fact]
    public void Sinfo_lists_each_partition_once() => Assert.Equal(["debug", "gpu"], SlurmOutput.Partitions("debug\ngpu\ndebug\n"));
}
