package org.officialaccounts.directive.adapter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.officialaccounts.closure.ClosureStarter;
import org.officialaccounts.directive.DirectiveService;
import org.officialaccounts.system.PartitionChunkDelegate;
import org.springframework.stereotype.Component;

/** "Open next chunk of closures" of one partition, in this job's transaction. */
@Component("openClosureChunkDelegate")
public class OpenClosureChunkDelegate extends PartitionChunkDelegate {

  private final DirectiveService directives;
  private final ClosureStarter starter;

  public OpenClosureChunkDelegate(DirectiveService directives, ClosureStarter starter) {
    this.directives = directives;
    this.starter = starter;
  }

  @Override
  protected boolean openChunk(DelegateExecution execution, int partition, int partitions) {
    return directives.openChunk(DirectiveVariables.directiveId(execution), partition, partitions, starter);
  }
}
