package org.officialaccounts.system;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A launcher's "Open next chunk" inside a multi-instance over partitions (not over accounts):
 * the loop counter is the partition, and a variable local to it says whether to come back.
 */
public abstract class PartitionChunkDelegate implements JavaDelegate {

  public static final String PARTITION = "loopCounter";
  public static final String PARTITIONS = "nrOfInstances";
  public static final String MORE_TO_OPEN = "moreToOpen";

  @Override
  public final void execute(DelegateExecution execution) {
    int partition = ((Number) execution.getVariable(PARTITION)).intValue();
    int partitions = ((Number) execution.getVariable(PARTITIONS)).intValue();
    execution.setVariableLocal(MORE_TO_OPEN, openChunk(execution, partition, partitions));
  }

  /** Opens the partition's next chunk in this job's transaction; returns whether more may remain. */
  protected abstract boolean openChunk(DelegateExecution execution, int partition, int partitions);
}
