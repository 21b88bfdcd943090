// The task the queue just received, so the task page need not ask for it a second time.
import type { TaskView } from './api';

let last: TaskView | null = null;

export function rememberTask(task: TaskView): void {
  last = task;
}

export function takeTask(id: string): TaskView | null {
  const task = last?.id === id ? last : null;
  last = null;
  return task;
}
