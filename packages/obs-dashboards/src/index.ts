export type { ComponentHealth } from '@dotmac/obs-config';
