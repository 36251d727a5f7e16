export declare const SAMPLE_SYNTH_ENV: string;
export declare function modelKey(model: unknown): string;
