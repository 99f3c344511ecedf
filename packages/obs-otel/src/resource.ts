import type { OTelConfig } from '@dotmac/obs-config';
import {
  defaultResource,
  detectResources,
  hostDetector,
  processDetector,
  type Resource,
  resourceFromAttributes,
} from '@opentelemetry/resources';

/**
 * The resource of every signal: the SDK defaults, then the host and process detectors, then the config's
 * custom attributes, then `service.name`, `service.version` and `deployment.environment.name` (which always win).
 */
export function buildResource(config: OTelConfig, detect = true): Resource {
  const fromConfig = resourceFromAttributes({
    ...config.customResourceAttributes,
    'service.name': config.serviceName,
    'service.version': config.serviceVersion,
    'deployment.environment.name': config.environment,
  });
  const detected = detect ? detectResources({ detectors: [hostDetector, processDetector] }) : undefined;
  const base = detected ? defaultResource().merge(detected) : defaultResource();
  return base.merge(fromConfig);
}
