// The topic verdict with its score and the terms that fired: the reader sees why.
import { topicThreshold } from '../../lib/topic';
import { TOPICS } from '../../lib/topics';
import type { TopicResult } from '../../lib/types';
import { formatScore } from '../format';

export function topicLabel(id: string | undefined): string {
  return TOPICS.find((t) => t.id === id)?.label ?? TOPICS[0]?.label ?? 'the tracked topic';
}

export function TopicScore({ topic, sensitivity }: { topic: TopicResult; sensitivity: number | null }) {
  const threshold = sensitivity === null ? null : topicThreshold(sensitivity);
  return (
    <div class="topic-score">
      <p>
        <span class="label">Topic score</span>{' '}
        <strong data-testid="topic-score">{formatScore(topic.score)}</strong>
        <span class="muted"> of 1{threshold !== null ? `; pages need ${formatScore(threshold)} at your sensitivity` : ''}</span>
      </p>
      <meter min={0} max={1} value={topic.score} aria-label={`Topic score ${formatScore(topic.score)} of 1`} />
      {topic.evidence.length > 0 ? (
        <div class="evidence">
          <span class="label" id="evidence-label">Evidence</span>
          <ul class="chips" aria-labelledby="evidence-label" data-testid="topic-evidence">
            {topic.evidence.map((term) => (
              <li key={term}>{term}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p class="muted">No topic terms found.</p>
      )}
    </div>
  );
}
