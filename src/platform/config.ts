// Configuration from the environment, read once at the edge and validated.
import { z } from 'zod';
import { resolve } from 'node:path';

const envSchema = z.object({
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  TALAPKER_DATA_DIR: z.string().default('data'),
  TALAPKER_PUBLIC_URL: z.string().optional(),
  TALAPKER_UPLOAD_LIMIT_MB: z.coerce.number().positive().default(50),
  TALAPKER_S3_ENDPOINT: z.string().optional(),
  TALAPKER_S3_BUCKET: z.string().optional(),
  TALAPKER_S3_REGION: z.string().default('us-east-1'),
});

export interface Config {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  sqlitePath: string;
  uploadLimitBytes: number;
  s3: { endpoint: string | undefined; bucket: string; region: string } | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  const dataDir = resolve(e.TALAPKER_DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL || undefined,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    sqlitePath: resolve(dataDir, 'talapker.sqlite'),
    uploadLimitBytes: Math.round(e.TALAPKER_UPLOAD_LIMIT_MB * 1024 * 1024),
    s3: e.TALAPKER_S3_BUCKET
      ? { endpoint: e.TALAPKER_S3_ENDPOINT, bucket: e.TALAPKER_S3_BUCKET, region: e.TALAPKER_S3_REGION }
      : undefined,
  };
}
