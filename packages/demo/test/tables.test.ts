import { describe, expect, it } from 'vitest';
import type { ServiceView, TaskView } from '@swarmsim/swarm';
import { taskTable } from '../src/tables.js';

const service = {
  ID: 'svc000000000000',
  Spec: { Name: 'bad', TaskTemplate: { ContainerSpec: { Image: 'whoami', Env: [] }, Networks: [] } }
} as unknown as ServiceView;

function task(err?: string): TaskView {
  return {
    ID: 'task00000000000',
    ServiceID: service.ID,
    Slot: 1,
    NodeID: 'n1',
    DesiredState: 'shutdown',
    Status: { Timestamp: '', State: 'rejected', Message: 'rejected', ...(err === undefined ? {} : { Err: err }) },
    NetworksAttachments: [],
    Version: { Index: 1 },
    CreatedAt: '',
    UpdatedAt: ''
  };
}

describe('docker service ps table', () => {
  it('shows Status.Err under ERROR, quoted and cut to 30 characters like the docker CLI', () => {
    const [header, row] = taskTable(service, [task('whoami: invalid WHOAMI_PORT_NUMBER abc')], () => 'node-1').split(
      '\n'
    );
    expect(header).toMatch(/CURRENT STATE +ERROR +ADDRESSES$/);
    expect(row).toContain('"whoami: invalid WHOAMI_PORT_N…"');
    expect(taskTable(service, [task()], () => 'node-1').split('\n')[1]).not.toContain('"');
  });
});
