// Made by `npm run validate:attribution` (scripts/attribution-validation.ts); do not edit.
// The attribution rule's validation on public models: every report and bundle cites it,
// and the real-data tier fails when the rule gives other outcomes than these.
import type { MethodValidation } from './validation-grid';

export const METHOD_VALIDATION: MethodValidation = {
  "methodVersion": 2,
  "data": "public answers of 18 models to the 804 AlpacaEval prompts all of them answered (ROUGE-L F1)",
  "measure": "rougeL",
  "settings": {
    "alpha": 0.05,
    "minPanel": 5,
    "panelDraws": 20,
    "panelSize": 5,
    "seed": 20261207
  },
  "models": [
    {
      "model": "text_davinci_003",
      "vendor": "OpenAI",
      "released": "2022-11"
    },
    {
      "model": "alpaca-7b",
      "vendor": "Stanford",
      "released": "2023-03",
      "derivedFrom": "text_davinci_003",
      "base": {
        "model": "LLaMA-7B",
        "vendor": "Meta"
      },
      "trainedOnOutputsOf": [
        "OpenAI"
      ],
      "source": "Stanford Alpaca (crfm.stanford.edu/2023/03/13/alpaca.html): LLaMA-7B fine-tuned on 52k text-davinci-003 demonstrations"
    },
    {
      "model": "vicuna-13b",
      "vendor": "LMSYS",
      "released": "2023-03",
      "base": {
        "model": "LLaMA-13B",
        "vendor": "Meta"
      },
      "trainedOnOutputsOf": [
        "OpenAI"
      ],
      "source": "LMSYS Vicuna (lmsys.org/blog/2023-03-30-vicuna): LLaMA-13B fine-tuned on ShareGPT conversations with ChatGPT"
    },
    {
      "model": "oasst-sft-llama-33b",
      "vendor": "OpenAssistant",
      "released": "2023-04",
      "base": {
        "model": "LLaMA-33B",
        "vendor": "Meta"
      },
      "source": "OpenAssistant model card: LLaMA-30B fine-tuned on the human-written OASST1 conversations"
    },
    {
      "model": "guanaco-33b",
      "vendor": "UW (QLoRA)",
      "released": "2023-05",
      "base": {
        "model": "LLaMA-33B",
        "vendor": "Meta"
      },
      "source": "Dettmers et al., QLoRA (2023): LLaMA fine-tuned on OASST1"
    },
    {
      "model": "falcon-40b-instruct",
      "vendor": "TII",
      "released": "2023-05",
      "base": {
        "model": "Falcon-40B",
        "vendor": "TII"
      },
      "trainedOnOutputsOf": [
        "OpenAI"
      ],
      "source": "tiiuae/falcon-40b-instruct model card: Baize, GPT4All and GPTeacher (ChatGPT- and GPT-4-generated)"
    },
    {
      "model": "gpt-3.5-turbo-0613",
      "vendor": "OpenAI",
      "released": "2023-06"
    },
    {
      "model": "llama-2-70b-chat-hf",
      "vendor": "Meta",
      "released": "2023-07",
      "base": {
        "model": "Llama-2-70B",
        "vendor": "Meta"
      },
      "source": "Touvron et al., Llama 2 (2023)"
    },
    {
      "model": "zephyr-7b-beta",
      "vendor": "Hugging Face",
      "released": "2023-10",
      "base": {
        "model": "Mistral-7B-v0.1",
        "vendor": "Mistral AI"
      },
      "trainedOnOutputsOf": [
        "OpenAI"
      ],
      "source": "HuggingFaceH4/zephyr-7b-beta model card: UltraChat (ChatGPT-generated) and UltraFeedback (GPT-4-rated)"
    },
    {
      "model": "tulu-2-dpo-70b",
      "vendor": "AI2",
      "released": "2023-11",
      "base": {
        "model": "Llama-2-70B",
        "vendor": "Meta"
      },
      "trainedOnOutputsOf": [
        "OpenAI"
      ],
      "source": "Ivison et al., Camels in a Changing Climate (Tulu 2, 2023): the Tulu v2 mix includes ShareGPT and GPT-4 generated data"
    },
    {
      "model": "Yi-34B-Chat",
      "vendor": "01.AI",
      "released": "2023-11",
      "base": {
        "model": "Yi-34B",
        "vendor": "01.AI"
      },
      "source": "01-ai/Yi-34B-Chat model card"
    },
    {
      "model": "gemini-pro",
      "vendor": "Google",
      "released": "2023-12"
    },
    {
      "model": "Mistral-7B-Instruct-v0.2",
      "vendor": "Mistral AI",
      "released": "2023-12",
      "base": {
        "model": "Mistral-7B",
        "vendor": "Mistral AI"
      },
      "source": "mistralai/Mistral-7B-Instruct-v0.2 model card"
    },
    {
      "model": "Mixtral-8x7B-Instruct-v0.1",
      "vendor": "Mistral AI",
      "released": "2023-12",
      "base": {
        "model": "Mixtral-8x7B",
        "vendor": "Mistral AI"
      },
      "source": "mistralai/Mixtral-8x7B-Instruct-v0.1 model card"
    },
    {
      "model": "Qwen1.5-72B-Chat",
      "vendor": "Alibaba",
      "released": "2024-02",
      "base": {
        "model": "Qwen1.5-72B",
        "vendor": "Alibaba"
      },
      "source": "Qwen/Qwen1.5-72B-Chat model card"
    },
    {
      "model": "claude-3-opus-20240229",
      "vendor": "Anthropic",
      "released": "2024-03"
    },
    {
      "model": "claude-3-sonnet-20240229",
      "vendor": "Anthropic",
      "released": "2024-03"
    },
    {
      "model": "aligner-2b_claude-3-opus-20240229",
      "vendor": "PKU (Aligner)",
      "released": "2024-06",
      "derivedFrom": "claude-3-opus-20240229",
      "base": {
        "model": "Gemma-2B",
        "vendor": "Google"
      },
      "trainedOnOutputsOf": [
        "Anthropic"
      ],
      "source": "Ji et al., Aligner (2024); AlpacaEval entry: Aligner-2B applied to claude-3-opus-20240229's answers"
    }
  ],
  "outcomes": [
    {
      "kind": "documented-derivation",
      "original": "text_davinci_003",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": true,
      "conclusion": "consistent-with-derivation",
      "panels": {
        "draws": 20,
        "ruleMet": 20,
        "consistent": 20
      }
    },
    {
      "kind": "later-unrelated",
      "original": "text_davinci_003",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "text_davinci_003",
      "suspect": "guanaco-33b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "text_davinci_003",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "text_davinci_003",
      "suspect": "Yi-34B-Chat",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "text_davinci_003",
      "suspect": "gemini-pro",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "text_davinci_003",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "text_davinci_003",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "text_davinci_003",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "text_davinci_003",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "text_davinci_003",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "text_davinci_003",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "alpaca-7b",
      "suspect": "text_davinci_003",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": true,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 20,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "alpaca-7b",
      "suspect": "Yi-34B-Chat",
      "references": [
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "alpaca-7b",
      "suspect": "gemini-pro",
      "references": [
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "alpaca-7b",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "alpaca-7b",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "alpaca-7b",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "alpaca-7b",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "alpaca-7b",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "alpaca-7b",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "insufficient-panel",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "vicuna-13b",
      "suspect": "text_davinci_003",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "vicuna-13b",
      "suspect": "Yi-34B-Chat",
      "references": [
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "vicuna-13b",
      "suspect": "gemini-pro",
      "references": [
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "vicuna-13b",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "vicuna-13b",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "vicuna-13b",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "vicuna-13b",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "vicuna-13b",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "vicuna-13b",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "insufficient-panel",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "oasst-sft-llama-33b",
      "suspect": "text_davinci_003",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "oasst-sft-llama-33b",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": true,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "oasst-sft-llama-33b",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "oasst-sft-llama-33b",
      "suspect": "falcon-40b-instruct",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "oasst-sft-llama-33b",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "oasst-sft-llama-33b",
      "suspect": "zephyr-7b-beta",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "oasst-sft-llama-33b",
      "suspect": "Yi-34B-Chat",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "oasst-sft-llama-33b",
      "suspect": "gemini-pro",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "oasst-sft-llama-33b",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "oasst-sft-llama-33b",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "oasst-sft-llama-33b",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "oasst-sft-llama-33b",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "oasst-sft-llama-33b",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "oasst-sft-llama-33b",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "guanaco-33b",
      "suspect": "text_davinci_003",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "guanaco-33b",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "guanaco-33b",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "guanaco-33b",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "guanaco-33b",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "guanaco-33b",
      "suspect": "zephyr-7b-beta",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "guanaco-33b",
      "suspect": "Yi-34B-Chat",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "guanaco-33b",
      "suspect": "gemini-pro",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "guanaco-33b",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "guanaco-33b",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "guanaco-33b",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "guanaco-33b",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "guanaco-33b",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "guanaco-33b",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "falcon-40b-instruct",
      "suspect": "text_davinci_003",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "falcon-40b-instruct",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": true,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 15,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "falcon-40b-instruct",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "falcon-40b-instruct",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "falcon-40b-instruct",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "falcon-40b-instruct",
      "suspect": "Yi-34B-Chat",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "falcon-40b-instruct",
      "suspect": "gemini-pro",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "falcon-40b-instruct",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "falcon-40b-instruct",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "falcon-40b-instruct",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "falcon-40b-instruct",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "falcon-40b-instruct",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "falcon-40b-instruct",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "text_davinci_003",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "guanaco-33b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "falcon-40b-instruct",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "Yi-34B-Chat",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "gemini-pro",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 3,
        "consistent": 3
      }
    },
    {
      "kind": "later-unrelated",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "gpt-3.5-turbo-0613",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "llama-2-70b-chat-hf",
      "suspect": "text_davinci_003",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "llama-2-70b-chat-hf",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "llama-2-70b-chat-hf",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "llama-2-70b-chat-hf",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "llama-2-70b-chat-hf",
      "suspect": "guanaco-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "llama-2-70b-chat-hf",
      "suspect": "falcon-40b-instruct",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "llama-2-70b-chat-hf",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "llama-2-70b-chat-hf",
      "suspect": "zephyr-7b-beta",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "llama-2-70b-chat-hf",
      "suspect": "Yi-34B-Chat",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "llama-2-70b-chat-hf",
      "suspect": "gemini-pro",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "llama-2-70b-chat-hf",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "llama-2-70b-chat-hf",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "llama-2-70b-chat-hf",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "llama-2-70b-chat-hf",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "llama-2-70b-chat-hf",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "llama-2-70b-chat-hf",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "zephyr-7b-beta",
      "suspect": "text_davinci_003",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "zephyr-7b-beta",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "zephyr-7b-beta",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "zephyr-7b-beta",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "zephyr-7b-beta",
      "suspect": "guanaco-33b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "zephyr-7b-beta",
      "suspect": "falcon-40b-instruct",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "zephyr-7b-beta",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "zephyr-7b-beta",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "zephyr-7b-beta",
      "suspect": "Yi-34B-Chat",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "zephyr-7b-beta",
      "suspect": "gemini-pro",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "zephyr-7b-beta",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "zephyr-7b-beta",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "zephyr-7b-beta",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "zephyr-7b-beta",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "tulu-2-dpo-70b",
      "suspect": "text_davinci_003",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "tulu-2-dpo-70b",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "tulu-2-dpo-70b",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "tulu-2-dpo-70b",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "tulu-2-dpo-70b",
      "suspect": "guanaco-33b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "tulu-2-dpo-70b",
      "suspect": "falcon-40b-instruct",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "tulu-2-dpo-70b",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "tulu-2-dpo-70b",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "tulu-2-dpo-70b",
      "suspect": "zephyr-7b-beta",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "tulu-2-dpo-70b",
      "suspect": "gemini-pro",
      "references": [
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "tulu-2-dpo-70b",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "tulu-2-dpo-70b",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "tulu-2-dpo-70b",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "tulu-2-dpo-70b",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "tulu-2-dpo-70b",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "tulu-2-dpo-70b",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "insufficient-panel",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Yi-34B-Chat",
      "suspect": "text_davinci_003",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Yi-34B-Chat",
      "suspect": "alpaca-7b",
      "references": [
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Yi-34B-Chat",
      "suspect": "vicuna-13b",
      "references": [
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Yi-34B-Chat",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Yi-34B-Chat",
      "suspect": "guanaco-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Yi-34B-Chat",
      "suspect": "falcon-40b-instruct",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Yi-34B-Chat",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Yi-34B-Chat",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Yi-34B-Chat",
      "suspect": "zephyr-7b-beta",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Yi-34B-Chat",
      "suspect": "gemini-pro",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Yi-34B-Chat",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Yi-34B-Chat",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Yi-34B-Chat",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Yi-34B-Chat",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Yi-34B-Chat",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Yi-34B-Chat",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gemini-pro",
      "suspect": "text_davinci_003",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gemini-pro",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gemini-pro",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gemini-pro",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gemini-pro",
      "suspect": "guanaco-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gemini-pro",
      "suspect": "falcon-40b-instruct",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gemini-pro",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gemini-pro",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gemini-pro",
      "suspect": "zephyr-7b-beta",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gemini-pro",
      "suspect": "tulu-2-dpo-70b",
      "references": [
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "gemini-pro",
      "suspect": "Yi-34B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "gemini-pro",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "gemini-pro",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "gemini-pro",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "text_davinci_003",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "guanaco-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "falcon-40b-instruct",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "zephyr-7b-beta",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "tulu-2-dpo-70b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "Yi-34B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Mistral-7B-Instruct-v0.2",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "text_davinci_003",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "guanaco-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "falcon-40b-instruct",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "zephyr-7b-beta",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "tulu-2-dpo-70b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "Yi-34B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "gemini-pro",
        "Qwen1.5-72B-Chat",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Mixtral-8x7B-Instruct-v0.1",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "text_davinci_003",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "guanaco-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "falcon-40b-instruct",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": true,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 4,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "zephyr-7b-beta",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "tulu-2-dpo-70b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "Yi-34B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "gemini-pro",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "aligner-2b_claude-3-opus-20240229"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "later-unrelated",
      "original": "Qwen1.5-72B-Chat",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1"
      ],
      "ruleMet": false,
      "conclusion": "not-distinguishable",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "text_davinci_003",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "guanaco-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "falcon-40b-instruct",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "zephyr-7b-beta",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "tulu-2-dpo-70b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "Yi-34B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "gemini-pro",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-opus-20240229",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "documented-derivation",
      "original": "claude-3-opus-20240229",
      "suspect": "aligner-2b_claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": true,
      "conclusion": "consistent-with-derivation",
      "panels": {
        "draws": 20,
        "ruleMet": 5,
        "consistent": 5
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "text_davinci_003",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "guanaco-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "falcon-40b-instruct",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "zephyr-7b-beta",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "tulu-2-dpo-70b",
      "references": [
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "Yi-34B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "gemini-pro",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "claude-3-sonnet-20240229",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "gemini-pro",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "text_davinci_003",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "alpaca-7b",
      "references": [
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "vicuna-13b",
      "references": [
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "oasst-sft-llama-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "guanaco-33b",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "falcon-40b-instruct",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "gpt-3.5-turbo-0613",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "llama-2-70b-chat-hf",
      "references": [
        "text_davinci_003",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "zephyr-7b-beta",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "zephyr-7b-beta",
      "references": [
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "llama-2-70b-chat-hf",
        "Yi-34B-Chat",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "tulu-2-dpo-70b",
      "references": [
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 0,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "Yi-34B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "gemini-pro",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "Mistral-7B-Instruct-v0.2",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "Mixtral-8x7B-Instruct-v0.1",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "Qwen1.5-72B-Chat",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "claude-3-opus-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": true,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 12,
        "consistent": 0
      }
    },
    {
      "kind": "suspect-predates-original",
      "original": "aligner-2b_claude-3-opus-20240229",
      "suspect": "claude-3-sonnet-20240229",
      "references": [
        "text_davinci_003",
        "alpaca-7b",
        "vicuna-13b",
        "oasst-sft-llama-33b",
        "guanaco-33b",
        "falcon-40b-instruct",
        "gpt-3.5-turbo-0613",
        "llama-2-70b-chat-hf",
        "zephyr-7b-beta",
        "tulu-2-dpo-70b",
        "Yi-34B-Chat",
        "Mistral-7B-Instruct-v0.2",
        "Mixtral-8x7B-Instruct-v0.1",
        "Qwen1.5-72B-Chat"
      ],
      "ruleMet": false,
      "conclusion": "suspect-predates-original",
      "panels": {
        "draws": 20,
        "ruleMet": 0,
        "consistent": 0
      }
    }
  ],
  "summary": {
    "derivations": {
      "consistent": {
        "count": 2,
        "of": 2,
        "ci95": [
          0.15811388300841894,
          1
        ]
      },
      "ruleMet": {
        "count": 2,
        "of": 2,
        "ci95": [
          0.15811388300841894,
          1
        ]
      }
    },
    "predating": {
      "consistent": {
        "count": 0,
        "of": 146,
        "ci95": [
          0,
          0.024949776111946764
        ]
      },
      "ruleMet": {
        "count": 5,
        "of": 146,
        "ci95": [
          0.011211578448913434,
          0.07810853612688545
        ]
      }
    },
    "laterUnrelated": {
      "consistent": {
        "count": 0,
        "of": 109,
        "ci95": [
          0,
          0.03327666479850894
        ]
      },
      "ruleMet": {
        "count": 0,
        "of": 109,
        "ci95": [
          0,
          0.03327666479850894
        ]
      }
    },
    "negativePanels": {
      "ruleMet": {
        "count": 54,
        "of": 4700,
        "ci95": [
          0.008642622944147239,
          0.014964835101350105
        ]
      },
      "consistent": {
        "count": 3,
        "of": 4700,
        "ci95": [
          0.000131651714867531,
          0.0018642330724381595
        ]
      }
    }
  }
};
